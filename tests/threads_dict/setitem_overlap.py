# Threads overwrite the same keys while others read them lock-free: every
# read sees a value some thread stored for that key, and the final dict has
# exactly the keys, each holding one thread's value.
from _dthreads import run

N = 4
KEYS = ["key%d" % k for k in range(500)]
d = {}
bad = []

def worker(i):
    for r in range(20):
        for k, key in enumerate(KEYS):
            if i < 2:
                d[key] = (i, k)          # a fresh tuple: the old one is released
            else:
                v = d.get(key)
                if v is not None and (v[1] != k or v[0] not in (0, 1)):
                    bad.append((key, v))

run(worker, N)
print(len(d), bad[:3])
print(all(d[key][1] == k and d[key][0] in (0, 1) for k, key in enumerate(KEYS)))
# expect: 500 []
# expect: True
