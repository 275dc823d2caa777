# One thread sorts a list over and over while the others read it: readers
# see the list either empty (being sorted) or whole, never torn.
NTHREADS = 3
N = 500
shared = [str(i) for i in range(N)]
members = set(shared)
seen_len = set()
bad = []

def worker(t):
    if t == 0:
        for k in range(200):
            shared.sort(key=len, reverse=k % 2 == 1)
            shared.sort()
        return
    for k in range(2000):
        seen_len.add(len(shared))
        try:
            x = shared[k % N]
            if x not in members:
                bad.append(x)
        except IndexError:
            pass
        for x in shared:
            if x not in members:
                bad.append(x)

def check():
    print(seen_len <= {0, N}, bad, sorted(shared) == shared, len(shared))
    assert seen_len <= {0, N} and not bad and sorted(shared) == shared and len(shared) == N
    # Mutating the list during sort is still detected.
    lst = [3, 1, 2]
    def key(x):
        lst.append(x)
        return x
    try:
        lst.sort(key=key)
    except ValueError as e:
        print(e)

if __name__ == "__main__":
    from _harness import run
    run(worker, check, NTHREADS)
# expect: True [] True 500
# expect: list modified during sort
