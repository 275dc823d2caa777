# weft stress: attribute specializations (class/instance/slot/method/property loads, attribute stores) vs a writer.
# classes, instances and __slots__ changed while warmed-up threads read and store -> only reads CPython allows, nothing lost.
"""The long version of tests/threads_spec/{class_attr,methods,instance_attrs}.py.
Each part warms the callers' code up (specialized in their own bytecode
copies), then one writer changes what the specializations assumed: a class
attribute rebound or deleted over a base value, a property swapped in over
an instance value, methods replaced on a class and on its base, an
instance's __class__, __slots__ values, instance attributes added and
deleted (the dict resizing) while callers store their own attributes.
Every read is one of the values some writer stored, tags read at one place
never go back, callers' own stores read back exactly, and after the writer
stops every caller and two fresh threads see its last state."""
from _stress import Scenario, size
from _spechot import hot_race, Mono, LATE

sc = Scenario('spec_attrs')
K = size(4000, 300000)
CALLERS = 3
ALL = CALLERS + LATE


def tagged(k):
    def f(self):
        return k
    return f


def class_attribute():
    sc.part('class attribute rebound and deleted over a base value, read 4 ways')

    class Base:
        x = -1

    class C(Base):
        x = 0

    class D(C):
        pass
    o, d = C(), D()
    o.pad = d.pad = 0
    mono = Mono(sc, CALLERS)

    def write(k):
        if k % 5 == 4:
            del C.x
        else:
            C.x = k

    def read(c):
        for v, what in ((o.x, 'o.x'), (d.x, 'd.x'), (C.x, 'C.x'), (D.x, 'D.x')):
            if v != -1:
                mono(c, v, what)

    def end():
        C.x = K
    finals = hot_race(sc, CALLERS, K, write, read, lambda c: (o.x, d.x, C.x, D.x), end)
    sc.equal(finals, [(K, K, K, K)] * ALL, 'x after the writer')


def property_and_shadow():
    sc.part('a property swapped in over an instance value; an instance value hiding a class one')
    prop = property(lambda self: 'prop')

    class C:
        p = 'class'
        q = 'class'
    o = C()
    o.__dict__['p'] = 'inst'
    o.pad = 0

    def write(k):
        C.p = prop if k % 2 else 'class'
        if k % 3 == 0:
            o.q = 'inst'
        elif k % 3 == 1:
            del o.q

    def read(c):
        p, q = o.p, o.q
        if p != 'prop' and p != 'inst':
            sc.fail('o.p = %r' % (p,))
        if q != 'class' and q != 'inst':
            sc.fail('o.q = %r' % (q,))

    def end():
        C.p = prop
        o.__dict__.pop('q', None)
    finals = hot_race(sc, CALLERS, K, write, read, lambda c: (o.p, o.q), end)
    sc.equal(finals, [('prop', 'class')] * ALL, 'o.p, o.q after the writer')


def methods():
    sc.part('methods replaced on a class and its base, shadowed by an instance')

    class Base:
        f = tagged(0)

    class Mid(Base):
        pass

    class Leaf(Mid):
        pass
    o = Leaf()
    s = Mid()
    s.pad = 0
    mono = Mono(sc, CALLERS)

    def write(k):
        r = k % 4
        if r == 0:
            Base.f = tagged(k)
        elif r == 1:
            Mid.f = tagged(k)
        elif r == 2:
            del Mid.f
            s.f = lambda: -1
        else:
            del s.f

    def read(c):
        v = o.f()
        mono(c, v, 'Base.f' if v % 4 == 0 else 'Mid.f')
        if v % 4 > 1:
            sc.fail('o.f() = %r' % (v,))
        w = s.f()
        if w != -1:
            mono(c, w, 's.f() ' + ('Base.f' if w % 4 == 0 else 'Mid.f'))
        m = o.f
        mono(c, m(), 'bound ' + ('Base.f' if m() % 4 == 0 else 'Mid.f'))

    def end():
        Mid.f = tagged(K + 1)
        s.__dict__.pop('f', None)
    finals = hot_race(sc, CALLERS, K, write, read, lambda c: (o.f(), s.f()), end)
    sc.equal(finals, [(K + 1, K + 1)] * ALL, 'methods after the writer')


def class_assignment():
    sc.part('__class__ of shared instances changed while their methods are called')

    class A:
        kind = 'a'

        def who(self):
            return 'A'

    class B:
        kind = 'b'
        __slots__ = ()

        def who(self):
            return 'B'

    class A2(A):
        pass
    objs = [A2() for _ in range(4)]
    for i, ob in enumerate(objs):
        ob.n = i

    def write(k):
        objs[k % 4].__class__ = A if (k // 4) % 2 else A2

    def read(c):
        for i, ob in enumerate(objs):
            if ob.who() != 'A' or ob.kind != 'a' or ob.n != i:
                sc.fail('object %d: %r %r %r' % (i, ob.who(), ob.kind, ob.n))
            if type(ob) is not A and type(ob) is not A2:
                sc.fail('type %r' % (type(ob),))

    def end():
        for ob in objs:
            ob.__class__ = A
    finals = hot_race(sc, CALLERS, max(1, K // 8), write, read,
                      lambda c: [type(ob).__name__ for ob in objs], end)
    sc.equal(finals, [['A'] * 4] * ALL, 'classes after the writer')
    del B


def slots():
    sc.part('__slots__ values written, deleted and stored by every thread')

    class S:
        __slots__ = ('a', 'b', 'own')
    s = S()
    s.a = 0
    own = [S() for _ in range(ALL)]
    seq = [0] * ALL
    mono = Mono(sc, CALLERS)

    def write(k):
        s.a = k
        if k % 2:
            del s.b
        else:
            s.b = (k, k)

    def read(c):
        mono(c, s.a, 's.a')
        try:
            b = s.b
        except AttributeError:
            b = (0, 0)
        if type(b) is not tuple or b[0] != b[1] or b[0] % 2:
            sc.fail('s.b = %r' % (b,))
        seq[c] += 1
        own[c].own = seq[c]
        if own[c].own != seq[c]:
            sc.fail('own slot read back %r, stored %r' % (own[c].own, seq[c]))

    def end():
        s.a = K
    finals = hot_race(sc, CALLERS, K, write, read, lambda c: (s.a, hasattr(s, 'b'), own[c].own == seq[c]), end)
    sc.equal(finals, [(K, K % 2 == 1, True)] * ALL, 'slots after the writer')


def instance_dict():
    sc.part('instance attributes added and deleted (the dict resizes) while every thread stores its own')

    class P:
        pass
    o = P()
    o.fixed = 'fixed'
    names = ['a%d' % i for i in range(100)]
    mine = ['m%d' % c for c in range(ALL)]
    seq = [0] * ALL
    mono = Mono(sc, CALLERS)

    def write(k):
        i = k % 200
        if i < 100:
            setattr(o, names[i], k)
        else:
            delattr(o, names[i - 100])

    def read(c):
        if o.fixed != 'fixed':
            sc.fail('o.fixed = %r' % (o.fixed,))
        v = getattr(o, 'a7', None)
        if v is not None:
            if v % 200 != 7:
                sc.fail('o.a7 = %r' % (v,))
            mono(c, v, 'o.a7')
        seq[c] += 1
        if c == 0:
            o.m0 = seq[c]
            got = o.m0
        else:
            setattr(o, mine[c], seq[c])
            got = getattr(o, mine[c])
        if got != seq[c]:
            sc.fail('own attribute read back %r, stored %r' % (got, seq[c]))

    finals = hot_race(sc, CALLERS, K, write, read, lambda c: (o.fixed, getattr(o, mine[c]) == seq[c]))
    sc.equal(finals, [('fixed', True)] * ALL, 'instance dict after the writer')


class_attribute()
property_and_shadow()
methods()
class_assignment()
slots()
instance_dict()
sc.done()
