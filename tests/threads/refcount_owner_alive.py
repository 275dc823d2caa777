# Objects the main thread made and other threads drop last are freed exactly once.
import threading

# Drops from shared containers are deferred for a grace period, and merges
# of biased counts happen at the owner's periodic checks: give them time.
import time

def settle(cond):
    deadline = time.monotonic() + 10
    while not cond() and time.monotonic() < deadline:
        time.sleep(0.001)

deleted = []

class Item:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        deleted.append(self.n)

N = 4
parts = [[Item(i * 1000 + j) for j in range(1000)] for i in range(N)]

def drop(part):
    while part:
        part.pop()

threads = [threading.Thread(target=drop, args=(parts[i],)) for i in range(N)]
del parts
for t in threads:
    t.start()
for t in threads:
    t.join()
settle(lambda: len(deleted) >= 4000)
print(len(deleted), len(set(deleted)))  # expect: 4000 4000
