# random.shuffle on a list that other threads pop from and append to: the
# shuffle is one atomic write, so no item is lost, doubled or stale.
import random

NTHREADS = 3
N = 200
ROUNDS = 300
shared = ["i%d" % i for i in range(N)]
popped = [[] for _ in range(NTHREADS)]
added = [[] for _ in range(NTHREADS)]
rng = random.Random(7)

def worker(t):
    if t == 0:
        for k in range(ROUNDS):
            rng.shuffle(shared)
        return
    for k in range(ROUNDS):
        # A burst of appends (the block grows and moves), then as many pops
        # (the tail empties): a shuffle with a stale length would swap in
        # slots past the end, whose items the pops have dropped.
        for m in range(20):
            x = "t%d-%d-%d" % (t, k, m)
            added[t].append(x)
            shared.append(x)
        for m in range(20):
            try:
                popped[t].append(shared.pop())
            except IndexError:
                pass

def check():
    expect = ["i%d" % i for i in range(N)]
    for t in range(NTHREADS):
        expect += added[t]
    for t in range(NTHREADS):
        for x in popped[t]:
            expect.remove(x)
    ok = sorted(shared) == sorted(expect)
    print(ok, len(shared) == N)
    assert ok
    # Single-threaded, a seeded shuffle is CPython's.
    lst = list(range(10))
    random.Random(12345).shuffle(lst)
    print(lst)

if __name__ == "__main__":
    from _harness import run
    run(worker, check, NTHREADS)
# expect: True True
# expect: [8, 7, 3, 5, 1, 2, 9, 4, 0, 6]
