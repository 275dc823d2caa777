# Class attribute writes (plain values, methods, a dunder) race with reads and
# method calls on instances: every read sees one of the values written, never
# anything else, and the last write wins once the writers are done.
NTHREADS = 4
ROUNDS = 3000

class C:
    x = 0
    def m(self):
        return "m1"
    def __len__(self):
        return 1

def m1(self):
    return "m1"

def m2(self):
    return "m2"

def len1(self):
    return 1

def len2(self):
    return 2

bad = []

def writer():
    for k in range(ROUNDS):
        C.x = k
        C.m = m2 if k % 2 else m1
        C.__len__ = len2 if k % 3 else len1
        if k % 50 == 0:
            C.extra = k
            try:
                del C.extra
            except AttributeError:
                pass   # the other writer's del got there first: a legal interleaving
    C.m = m1
    C.__len__ = len1
    C.x = ROUNDS - 1

def reader():
    c = C()
    for k in range(ROUNDS):
        v = C.x
        if not (type(v) is int and 0 <= v < ROUNDS):
            bad.append(("x", v))
        r = c.m()
        if r != "m1" and r != "m2":
            bad.append(("m", r))
        n = len(c)
        if n != 1 and n != 2:
            bad.append(("len", n))
        if getattr(C, "extra", None) not in (None,) and type(C.__dict__.get("extra", 0)) is not int:
            bad.append(("extra", C.__dict__.get("extra")))

def worker(i):
    if i % 2 == 0:
        writer()
    else:
        reader()

def check():
    print("bad reads:", len(bad), bad[:3])
    print("final:", C.x, C().m(), len(C()))
    assert not bad and C.x == ROUNDS - 1

if __name__ == "__main__":
    import _harness
    _harness.run(worker, check, NTHREADS)

# expect: bad reads: 0 []
# expect: final: 2999 m1 1
