# setdefault is atomic (one winner per key, everybody gets the winner's
# object); pop hands every key to exactly one thread; get and `in` never
# see a torn state while others pop and re-insert.
from _dthreads import run

N = 4
K = 1000

sd = {}
got = [[None] * K for _ in range(N)]

def setdefault_worker(i):
    for k in range(K):
        # equal but distinct tuple keys: the locked lookup path
        got[i][k] = sd.setdefault((k, "x"), [i])

run(setdefault_worker, N)
print(len(sd), all(got[i][k] is sd[(k, "x")] for i in range(N) for k in range(K)))

pd = {k: k * 2 for k in range(K * 4)}
popped = [0] * N

def pop_worker(i):
    order = range(K * 4) if i % 2 == 0 else range(K * 4 - 1, -1, -1)
    for k in order:
        v = pd.pop(k, None)
        if v is not None:
            if v != k * 2:
                raise AssertionError((k, v))
            popped[i] += 1

run(pop_worker, N)
print(sum(popped), len(pd))

gd = {k: str(k) for k in range(200)}
bad = []

def churn_worker(i):
    for r in range(200):
        if i == 0:
            for k in range(0, 200, 3):
                v = gd.pop(k)
                gd[k] = v
        else:
            for k in range(200):
                v = gd.get(k)
                if v is not None and v != str(k):
                    bad.append((k, v))
                if (k in gd) not in (True, False):
                    bad.append(k)

run(churn_worker, N)
print(len(gd), bad)
# expect: 1000 True
# expect: 4000 0
# expect: 200 []
