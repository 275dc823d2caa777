# Threads taking an RLock re-entrantly around a shared counter lose no update.
import _thread

N, ROUNDS = 4, 3000
r = _thread.RLock()
counter = [0]
left = [N]
finished = _thread.allocate_lock()
finished.acquire()

def bump():
    with r:
        counter[0] += 1

def work():
    for _ in range(ROUNDS):
        with r:
            bump()
    with r:
        left[0] -= 1
        if not left[0]:
            finished.release()

for _ in range(N):
    _thread.start_new_thread(work, ())
finished.acquire()
print(counter[0])  # expect: 12000
