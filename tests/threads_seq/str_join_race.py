# str.join over a list that other threads append to and pop from: each join
# sees one instant of the list (only its items, none torn), and os.path.
# commonprefix on the same list stays memory-safe.
import os.path

NTHREADS = 3
N = 50
ROUNDS = 300
shared = ["a%d" % i for i in range(N)]
members = set(shared)
for t in range(1, NTHREADS):
    for k in range(ROUNDS):
        for m in range(16):
            members.add("b%d-%d-%d" % (t, k, m))
bad = []
sizes = []

def worker(t):
    if t == 0:
        for k in range(ROUNDS * 2):
            s = ",".join(shared)
            parts = s.split(",")
            sizes.append(len(parts))
            for p in parts:
                if p not in members:
                    bad.append(p)
            p = os.path.commonprefix(shared)
            if not (p == "" or p.startswith("a") or p.startswith("b")):
                bad.append(p)
        return
    for k in range(ROUNDS):
        for m in range(16):
            shared.append("b%d-%d-%d" % (t, k, m))
        for m in range(16):
            shared.pop()

def check():
    print(bad, min(sizes) >= N, max(sizes) <= N + 16 * (NTHREADS - 1), len(shared))
    assert not bad

if __name__ == "__main__":
    from _harness import run
    run(worker, check, NTHREADS)
# expect: [] True True 50
