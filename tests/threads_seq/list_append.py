# Threads append and extend one list at once: nothing lost, nothing torn,
# and each thread's items stay in its order.
NTHREADS = 4
N = 5000
shared = []

def worker(t):
    for k in range(N):
        shared.append((t, k))
        if k % 500 == 0:
            shared.extend([(t, -1)] * 2)
            shared.__iadd__([(t, -2)])

def check():
    n = len(shared)
    print(n == NTHREADS * (N + 30))
    mine = [[x for x in shared if x[0] == t and x[1] >= 0] for t in range(NTHREADS)]
    print(all(m == [(t, k) for k in range(N)] for t, m in enumerate(mine)))
    print(sum(1 for x in shared if x[1] == -1) == 20 * NTHREADS)
    assert n == NTHREADS * (N + 30) and all(m == [(t, k) for k in range(N)] for t, m in enumerate(mine))

if __name__ == "__main__":
    from _harness import run
    run(worker, check, NTHREADS)
# expect: True
# expect: True
# expect: True
