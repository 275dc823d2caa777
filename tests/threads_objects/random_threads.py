# One random.Random shared by many threads: the generator's state is never
# torn, so together the threads draw exactly the first N values of the
# sequence (in some interleaving), as a single thread would.
import random

NTHREADS = 4
DRAWS = 2000

rng = random.Random(12345)
drawn = [None] * NTHREADS

def worker(i):
    mine = []
    for k in range(DRAWS):
        mine.append(rng.random())
    drawn[i] = mine

def check():
    ref = random.Random(12345)
    want = sorted(ref.random() for _ in range(NTHREADS * DRAWS))
    got = sorted(x for part in drawn for x in part)
    print("draws:", len(got))
    print("exactly the sequence's first values:", got == want)
    print("state advanced exactly:", rng.random() == ref.random())
    assert got == want

if __name__ == "__main__":
    import _harness
    _harness.run(worker, check, NTHREADS)

# expect: draws: 8000
# expect: exactly the sequence's first values: True
# expect: state advanced exactly: True
