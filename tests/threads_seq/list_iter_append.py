# A list iterated over and over while another thread appends to it: every
# pass sees a prefix of the items, in order.
NTHREADS = 2
N = 6000
grow = []
seen = []

def worker(t):
    if t == 0:
        for k in range(N):
            grow.append(k)
        return
    for r in range(30):
        prev = -1
        for x in grow:
            if x != prev + 1:
                seen.append((prev, x))
            prev = x

def check():
    print(len(grow), seen, grow == list(range(N)))
    assert not seen and grow == list(range(N))

if __name__ == "__main__":
    from _harness import run
    run(worker, check, NTHREADS)
# expect: 6000 [] True
