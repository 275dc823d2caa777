# Iterating a dict while other threads insert and delete: no crash; each
# iteration either completes or raises CPython's RuntimeError; every item
# seen is consistent (value == 2 * key).
from _dthreads import run

N = 3
d = {k: 2 * k for k in range(100)}
messages = set()
bad = []
stop = [False]

def worker(i):
    if i == 0:
        for r in range(300):
            for k in range(1000, 1100):
                d[k] = 2 * k
            for k in range(1000, 1100):
                del d[k]
        stop[0] = True
        return
    while not stop[0]:
        try:
            for k, v in d.items():
                if v != 2 * k:
                    bad.append((k, v))
            for k in d:
                pass
            for v in d.values():
                pass
            list(reversed(d))
        except RuntimeError as e:
            messages.add(str(e))

run(worker, N)
print(len(d), bad)
allowed = {"dictionary changed size during iteration", "dictionary keys changed during iteration"}
print(messages <= allowed)
# expect: 100 []
# expect: True
