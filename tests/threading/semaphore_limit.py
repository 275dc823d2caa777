# A Semaphore(2) lets at most two threads in at once.
import threading
import time
sem = threading.Semaphore(2)
lock = threading.Lock()
inside = [0]
peak = [0]


def work():
    with sem:
        with lock:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        time.sleep(0.01)
        with lock:
            inside[0] -= 1


ts = [threading.Thread(target=work) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(peak[0] <= 2, inside[0])
# expect: True 0
