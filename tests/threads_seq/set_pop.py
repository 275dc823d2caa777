# Threads pop one set empty, and update another from it at the same time:
# each element comes out exactly once.
NTHREADS = 4
M = 8000
shared = set(range(M))
got = [[] for _ in range(16)]
sink = set()

def worker(t):
    while True:
        try:
            x = shared.pop()
        except KeyError:
            return
        got[t].append(x)
        if x % 100 == 0:
            sink.update(shared)
            sink.intersection_update(range(M))

def check():
    allgot = [x for g in got for x in g]
    print(len(allgot), len(set(allgot)), len(shared), sink <= set(range(M)))
    assert sorted(allgot) == list(range(M)) and not shared

if __name__ == "__main__":
    from _harness import run
    run(worker, check, NTHREADS)
# expect: 8000 8000 0 True
