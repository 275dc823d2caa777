# weft stress: instance and class attribute writes racing with reads and method calls.
# writers store tagged values / swap methods -> readers only ever see a value some writer stored.
"""Attribute reads and writes on shared instances and classes are safe under
contention (issue 3). Every value written is tagged with its writer, so a
reader can tell a written value from a torn, freed or invented one; class
attribute and method swaps check that lookups through the type (whose
version the writes bump) never return a stale or foreign result once the
writers stop."""
import threading
from _stress import Scenario, size

sc = Scenario('attributes')
K = size(3000, 200000)                 # writes per writer
WRITERS, READERS = 2, 2
TAG = 1000000


def valid(v):
    """A value writer w stores at step i is w * TAG + i (or a tuple of it)."""
    if type(v) is tuple:
        return len(v) == 2 and v[0] == v[1] and valid(v[0])
    return type(v) is int and (v == -1 or (v // TAG < WRITERS and v % TAG < K))


def race(write, read):
    """Run WRITERS writers and READERS readers (readers loop until writers finish)."""
    stop = threading.Event()

    def reader(r):
        while not stop.is_set():
            read(r)
    readers = [sc.start(reader, r) for r in range(READERS)]
    sc.run([(write, w) for w in range(WRITERS)])
    stop.set()
    sc.join_all(readers)


class Plain:
    pass


class Slotted:
    __slots__ = ('a', 'b')


def instance_attrs():
    sc.part('instance attributes (dict and __slots__), ints and fresh tuples')
    for obj in (Plain(), Slotted()):
        obj.a, obj.b = -1, (-1, -1)

        def write(w):
            for i in range(K):
                v = w * TAG + i
                obj.a = v
                obj.b = (v, v)         # a new object each time: the old one is freed

        def read(r):
            a, b = obj.a, obj.b
            if not valid(a) or not valid(b):
                sc.fail('%s read a=%r b=%r' % (type(obj).__name__, a, b))
        race(write, read)
        sc.check(obj.a % TAG == K - 1, 'last a of %s: %r' % (type(obj).__name__, obj.a))
        sc.check(obj.b[0] % TAG == K - 1, 'last b of %s: %r' % (type(obj).__name__, obj.b))


def dict_growth():
    sc.part('new attributes added while others are read')
    obj = Plain()
    obj.fixed = 'fixed'
    names = ['attr_%d' % i for i in range(K)]

    def write(w):
        for i in range(w, K, WRITERS):
            setattr(obj, names[i], i)

    def read(r):
        if obj.fixed != 'fixed':
            sc.fail('obj.fixed read as %r while attributes were added' % (obj.fixed,))
        for i in range(r, K, 97):
            v = getattr(obj, names[i], None)
            if v is not None and v != i:
                sc.fail('obj.%s read as %r' % (names[i], v))
    race(write, read)
    sc.equal([getattr(obj, n) for n in names], list(range(K)), 'attributes after the race')
    sc.equal(len(obj.__dict__), K + 1, 'len(obj.__dict__)')


def delete_attrs():
    sc.part('del obj.x / obj.x = v racing with getattr and hasattr')
    obj = Plain()

    def write(w):
        for i in range(K):
            obj.x = (w * TAG + i, w * TAG + i)
            try:
                del obj.x
            except AttributeError:     # the other writer deleted it first
                pass

    def read(r):
        v = getattr(obj, 'x', None)
        if v is not None and not valid(v):
            sc.fail('obj.x read as %r' % (v,))
        hasattr(obj, 'x')
    race(write, read)
    sc.equal(hasattr(obj, 'x'), False, 'x after every writer deleted it last')


class Base:
    k = -1

    def method(self):
        return 1


class Derived(Base):
    pass


def m1(self):
    return 1


def m2(self):
    return 2


def class_attrs():
    sc.part('class attribute writes read through instances, subclass and type')
    objs = [Base(), Derived()]

    def write(w):
        for i in range(K):
            Base.k = w * TAG + i

    def read(r):
        for v in (Base.k, Derived.k, objs[0].k, objs[1].k):
            if not valid(v):
                sc.fail('class attribute k read as %r' % (v,))
    race(write, read)
    last = Base.k
    sc.check(last % TAG == K - 1, 'last Base.k %r' % last)
    sc.equal([Derived.k, objs[0].k, objs[1].k], [last] * 3, 'k seen after the writers stopped')


def method_swaps():
    sc.part('methods swapped on the class while instances call them')
    callers = 3
    stop = threading.Event()
    after = threading.Barrier(callers + 1)
    seen = [None] * callers

    def caller(c):
        obj = Derived() if c % 2 else Base()
        counts = {1: 0, 2: 0}
        try:
            while not stop.is_set():
                r = obj.method()
                if r not in counts:
                    sc.fail('method() returned %r' % (r,))
                counts[r] += 1
        except BaseException:
            after.abort()              # do not keep the others waiting
            raise
        after.wait(60)                 # the swapper has restored m1 by now
        seen[c] = [obj.method() for _ in range(100)]
    threads = [sc.start(caller, c) for c in range(callers)]
    for i in range(K):
        Base.method = m2 if i % 2 == 0 else m1
        if i % 64 == 0:
            Derived.method = m2        # shadow in the subclass, then unshadow
            del Derived.method
    Base.method = m1
    stop.set()
    try:
        after.wait(60)
    except threading.BrokenBarrierError:
        pass                           # a caller failed: join_all reports why
    sc.join_all(threads)
    sc.equal(seen, [[1] * 100] * callers, 'method() results after the last swap')


instance_attrs()
dict_growth()
delete_attrs()
class_attrs()
method_swaps()
sc.done()
