# Threads insert disjoint keys (str and int) into one dict, which resizes
# many times under them: nothing is lost and every value is the one stored.
from _dthreads import run

N = 4
COUNT = 3000
d = {}

def worker(i):
    for k in range(COUNT):
        d["t%d_%d" % (i, k)] = k
        d[i * 100000 + k] = -k

run(worker, N)
print(len(d) == 2 * N * COUNT)
ok = all(d["t%d_%d" % (i, k)] == k and d[i * 100000 + k] == -k
         for i in range(N) for k in range(COUNT))
print(ok)
# expect: True
# expect: True
