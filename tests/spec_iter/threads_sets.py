# `x in s` (CONTAINS_OP_SET) and `s | {x}` (BUILD_SET_UNION) on a set that
# another thread keeps changing, and on shared frozensets: every answer is
# one the set could give at some instant (the stable keys are always in,
# the never-added ones never), every union holds the stable keys; nothing
# crashes. Warmed up alone first, so the single-thread probe switches off.
stable = set(range(0, 64, 2))
shared = set(stable)
frozen = frozenset(range(100))
bad = []

def check(r):
    for k in range(0, 200, 2):
        if (k in shared) != (k < 64) and k < 64:
            bad.append(("stable", k))
    if 1002 in shared or -3 in frozen:     # the writer adds odd keys only
        bad.append("phantom")
    u = shared | {r}
    if not stable <= u or r not in u:
        bad.append(("union", r))
    f = frozen | {r + 1000}
    if len(f) != 101 or (r + 1000) not in f:
        bad.append(("frozen", r))

for r in range(300):
    check(r)

import threading

def writer():
    for r in range(3000):
        shared.add(65 + 2 * (r % 500))
        if r % 3 == 0:
            shared.discard(65 + 2 * ((r * 7) % 500))
        if r % 500 == 499:
            for k in list(shared):
                if k > 64:
                    shared.discard(k)

def reader():
    for r in range(400):
        check(r)

threads = [threading.Thread(target=writer)] + [threading.Thread(target=reader) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(bad, stable <= shared)
# expect: [] True
