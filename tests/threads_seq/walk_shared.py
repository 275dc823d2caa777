# One os.walk iterator shared by threads: every directory comes out exactly
# once (a generator runs one step at a time; CPython raises ValueError when
# two threads resume it at once, which the workers retry).
import os

NTHREADS = 3
root = "/tmp/weft_walk_shared_%d" % os.getpid()
expect = ["."]
for a in range(4):
    for b in range(4):
        for c in range(4):
            os.makedirs(os.path.join(root, "d%d" % a, "d%d" % b, "d%d" % c), exist_ok=True)
            expect.append("d%d/d%d/d%d" % (a, b, c))
        expect.append("d%d/d%d" % (a, b))
    expect.append("d%d" % a)
walk = os.walk(root)
seen = [[] for _ in range(NTHREADS)]

def worker(t):
    while True:
        try:
            top, dirs, files = next(walk)
        except StopIteration:
            return
        except ValueError:  # CPython: generator already executing
            continue
        seen[t].append(os.path.relpath(top, root))

def check():
    got = []
    for t in range(NTHREADS):
        got += seen[t]
    print(len(got), sorted(got) == sorted(expect))
    for top, dirs, files in os.walk(root, topdown=False):
        os.rmdir(top)
    print(os.path.exists(root))

if __name__ == "__main__":
    from _harness import run
    run(worker, check, NTHREADS)
# expect: 85 True
# expect: False
