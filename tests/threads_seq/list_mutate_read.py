# Half the threads replace, insert, delete and slice-assign items of one
# list; the others index it, iterate it, count, search, compare and repr it.
# Readers only ever see items that were put in the list (old items are freed
# only once no reader can hold them), and the length stays exact.
NTHREADS = 4

class Box:
    def __init__(self, v):
        self.v = v

shared = [Box(i) for i in range(64)]
bad = []

def writer():
    for k in range(3000):
        shared[k % 64] = Box(k)             # the old box is released
        shared.insert(0, Box(-1))
        del shared[0]
        if k % 300 == 0:
            shared[10:20] = [Box(-2) for _ in range(10)]
            try:   # another writer may change the length in between
                shared[::7] = [Box(-3) for _ in range(len(shared[::7]))]
            except ValueError:
                pass

def reader():
    for k in range(3000):
        try:
            b = shared[k % 70]
            if not isinstance(b, Box):
                bad.append(b)
        except IndexError:
            pass
        for b in shared:
            if not isinstance(b.v, int):
                bad.append(b)
            break
        if k % 100 == 0:
            shared.count(None)
            None in shared
            repr(shared)[:1]
            shared == list(shared)

def worker(i):
    writer() if i % 2 == 0 else reader()

def check():
    print(len(shared), bad, all(isinstance(b, Box) for b in shared))
    assert len(shared) == 64 and not bad

if __name__ == "__main__":
    from _harness import run
    run(worker, check, NTHREADS)
# expect: 64 [] True
