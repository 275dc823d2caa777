# sys.intern and getattr/setattr with fresh names from many threads: every
# thread gets the same interned object for the same text, and attributes set
# under fresh names on a shared object are all there afterwards.
import sys

NTHREADS = 4
NAMES = 3000

class Box:
    pass

box = Box()
interned = [None] * NTHREADS
bad = []

def worker(i):
    mine = []
    for k in range(NAMES):
        name = "".join(["fresh_", str(k), "_name"])   # a new str object each time
        s = sys.intern(name)
        mine.append(s)
        if s != name:
            bad.append(s)
        if k % NTHREADS == i:
            setattr(box, name, k)
        attr = "".join(["attr_", str(i), "_", str(k)])
        setattr(box, attr, k)
        if getattr(box, attr) != k:
            bad.append(attr)
    interned[i] = mine

def check():
    same = all(interned[i][k] is interned[0][k] for i in range(NTHREADS) for k in range(NAMES))
    present = all(getattr(box, "fresh_%d_name" % k) == k for k in range(NAMES))
    mine = all(getattr(box, "attr_%d_%d" % (i, k)) == k for i in range(NTHREADS) for k in range(NAMES))
    print("same interned objects:", same)
    print("attributes present:", present, mine)
    print("bad:", bad[:3])
    assert same and present and mine and not bad

if __name__ == "__main__":
    import _harness
    _harness.run(worker, check, NTHREADS)

# expect: same interned objects: True
# expect: attributes present: True True
# expect: bad: []
