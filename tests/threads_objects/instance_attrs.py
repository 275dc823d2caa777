# Instance attributes under contention: first stores into fresh instances
# (the instance dict is created by one of the racing threads and no attribute
# is lost), one attribute written and read by all, __slots__ values, and a
# __dict__ replaced while others read through it.
NTHREADS = 4
ROUNDS = 2000

class Plain:
    pass

class Slotted:
    __slots__ = ("a", "b")

fresh = [Plain() for _ in range(ROUNDS)]
shared = Plain()
shared.v = 0
slotted = Slotted()
slotted.a = 0
swapped = Plain()
swapped.__dict__ = {"k": 0}
bad = []

def worker(i):
    name = "t%d" % i
    for k in range(ROUNDS):
        setattr(fresh[k], name, k)        # all threads race on the first store
        shared.v = k
        v = shared.v
        if not (0 <= v < ROUNDS):
            bad.append(("v", v))
        slotted.a = k
        a = slotted.a
        if not (0 <= a < ROUNDS):
            bad.append(("a", a))
        if i == 0 and k % 10 == 0:
            swapped.__dict__ = {"k": k}
        kv = swapped.k
        if not (0 <= kv < ROUNDS):
            bad.append(("k", kv))
        if i == 1 and k % 7 == 0:
            slotted.b = k
            del slotted.b

def check():
    lost = 0
    for k, o in enumerate(fresh):
        for i in range(NTHREADS):
            if getattr(o, "t%d" % i, None) != k:
                lost += 1
    print("bad reads:", len(bad), bad[:3])
    print("lost first stores:", lost)
    print("slot b set:", hasattr(slotted, "b"))
    assert not bad and lost == 0

if __name__ == "__main__":
    import _harness
    _harness.run(worker, check, NTHREADS)

# expect: bad reads: 0 []
# expect: lost first stores: 0
# expect: slot b set: False
