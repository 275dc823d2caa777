# A producer/consumer hand-off: every object is created in one thread and dropped in another.
import queue
import threading

# Drops from shared containers are deferred for a grace period, and merges
# of biased counts happen at the owner's periodic checks: give them time.
import time

def settle(cond):
    deadline = time.monotonic() + 10
    while not cond() and time.monotonic() < deadline:
        time.sleep(0.001)

alive = [0]
lock = threading.Lock()

class Msg:
    def __init__(self, n):
        with lock:
            alive[0] += 1
        self.payload = [n] * 3
    def __del__(self):
        with lock:
            alive[0] -= 1

q = queue.Queue(maxsize=64)
got = []

def producer():
    for i in range(5000):
        q.put(Msg(i))
    q.put(None)

def consumer():
    total = 0
    while True:
        m = q.get()
        if m is None:
            break
        total += m.payload[0]
    got.append(total)

p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start(); c.start()
p.join(); c.join()
settle(lambda: alive[0] == 0)
print(got[0] == sum(range(5000)), alive[0])  # expect: True 0
