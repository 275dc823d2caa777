# Threads pop from both ends of one list until it is empty: every item comes
# out exactly once.
NTHREADS = 4
M = 4000
shared = [str(i) for i in range(M)]
got = [[] for _ in range(16)]

def worker(t):
    out = got[t]
    while True:
        try:
            x = shared.pop() if t % 2 else shared.pop(0)
        except IndexError:
            return
        out.append(x)

def check():
    allgot = [int(x) for g in got for x in g]
    print(len(shared), len(allgot) == M, sorted(allgot) == list(range(M)))
    assert not shared and sorted(allgot) == list(range(M))

if __name__ == "__main__":
    from _harness import run
    run(worker, check, NTHREADS)
# expect: 0 True True
