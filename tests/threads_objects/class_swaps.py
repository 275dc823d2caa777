# __class__ assignment, __qualname__/__name__ assignment and a dunder
# swapped on a base class, racing with method calls, repr() and operators on
# subclass instances: every call sees the old or the new class/name/slot,
# never anything else.
NTHREADS = 4
ROUNDS = 1500

class Base:
    def __add__(self, other):
        return "add1"

class A(Base):
    def who(self):
        return "A"

class B(Base):
    def who(self):
        return "B"

def add2(self, other):
    return "add2"

objs = [A() for _ in range(8)]
bad = []

def writer(i):
    for k in range(ROUNDS):
        o = objs[k % len(objs)]
        o.__class__ = B if (k + i) % 2 else A
        A.__qualname__ = "A%d" % (k % 3)
        if k % 10 == 0:
            Base.__add__ = add2 if k % 20 else Base.__dict__["__add__"]
    for o in objs:
        o.__class__ = A
    A.__qualname__ = "A"
    Base.__add__ = add2

def reader(i):
    for k in range(ROUNDS):
        o = objs[k % len(objs)]
        w = o.who()
        if w not in ("A", "B"):
            bad.append(("who", w))
        if not isinstance(o, Base):
            bad.append(("isinstance", type(o)))
        q = A.__qualname__
        if q not in ("A", "A0", "A1", "A2"):
            bad.append(("qualname", q))
        s = o + 1
        if s not in ("add1", "add2"):
            bad.append(("add", s))

def worker(i):
    if i % 2 == 0:
        writer(i)
    else:
        reader(i)

def check():
    print("bad:", len(bad), bad[:3])
    print("final:", [o.who() for o in objs[:2]], A.__qualname__, objs[0] + 1)
    assert not bad

if __name__ == "__main__":
    import _harness
    _harness.run(worker, check, NTHREADS)

# expect: bad: 0 []
# expect: final: ['A', 'A'] A add2
