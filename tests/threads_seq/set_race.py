# Threads add and discard on one set while another iterates it, and all of
# them combine it with another set: the final set is exact.
NTHREADS = 5
N = 4000
shared = set()
other = set(range(0, 4 * N, 3))
bad = []

def adder(t):
    for k in range(t, 4 * N, 4):
        shared.add(k)
        shared.add(-k - 1)
        shared.discard(-k - 1)
        if k % 400 == t:
            shared | other
            shared & other
            shared - other
            shared ^ other
            shared <= other
            shared == other
            len(shared.copy())
            frozenset(shared)

def scanner():
    for k in range(40):
        try:
            for x in shared:
                if not isinstance(x, int):
                    bad.append(x)
        except RuntimeError:
            pass   # "Set changed size during iteration", as with any thread
        k in shared
        repr(shared)[:1]

def worker(t):
    adder(t) if t < 4 else scanner()

def check():
    print(len(shared), shared == set(range(4 * N)), bad)
    assert shared == set(range(4 * N)) and not bad

if __name__ == "__main__":
    from _harness import run
    run(worker, check, NTHREADS)
# expect: 16000 True []
