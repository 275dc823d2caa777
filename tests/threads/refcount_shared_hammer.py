# Many threads take and drop references to the same objects at once: no object dies early or twice.
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

shared = [Item(i) for i in range(50)]
N = 8

def hammer():
    mine = []
    for _ in range(200):
        mine.extend(shared)
        mine.extend(shared)
        del mine[:]
    total = 0
    for x in shared:
        total += x.n
    results.append(total)

results = []
threads = [threading.Thread(target=hammer) for _ in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results == [sum(range(50))] * N, len(deleted))  # expect: True 0
del shared
settle(lambda: len(deleted) >= 50)
print(len(deleted), sorted(deleted) == list(range(50)))  # expect: 50 True
