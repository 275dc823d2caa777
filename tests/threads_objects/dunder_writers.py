# Several threads assign dunders (which re-derive C slots with the world
# stopped, under the type lock) on classes at the same time, while readers
# use the operators: no deadlock (a thread waiting for the type lock must
# not hold up the stopper), and every result is the old or the new method.
NTHREADS = 4
ROUNDS = 5000

class Base:
    def __add__(self, other):
        return "add1"

class A(Base):
    pass

class B(Base):
    pass

def add2(self, other):
    return "add2"

def sub1(self, other):
    return "sub1"

objs = [A(), B()]
bad = []

def worker(i):
    cls = A if i % 2 else B
    for k in range(ROUNDS):
        if i < 2:
            cls.__add__ = add2 if k % 2 else Base.__dict__["__add__"]
            if k % 2 == 0:
                cls.__sub__ = sub1     # the C slot changes: the world stops
            else:
                del cls.__sub__
        o = objs[k % 2]
        r = o + 1
        if r not in ("add1", "add2"):
            bad.append(r)
    if i < 2:
        cls.__add__ = add2
        cls.__sub__ = sub1

def check():
    print("bad:", len(bad), objs[0] + 1, objs[1] + 1, objs[0] - 1)
    assert not bad

if __name__ == "__main__":
    import _harness
    _harness.run(worker, check, NTHREADS)

# expect: bad: 0 add2 add2 sub1
