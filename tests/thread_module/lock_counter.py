# Threads incrementing a shared counter under a lock lose no update.
import _thread

N, ROUNDS = 4, 5000
lock = _thread.allocate_lock()
counter = [0]
finished = _thread.allocate_lock()
left = [N]

def work():
    for _ in range(ROUNDS):
        with lock:
            counter[0] += 1
    with lock:
        left[0] -= 1
        if left[0] == 0:
            finished.release()

finished.acquire()
for _ in range(N):
    _thread.start_new_thread(work, ())
finished.acquire()
print(counter[0])  # expect: 20000
