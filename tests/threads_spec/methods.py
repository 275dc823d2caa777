# Methods replaced on the class, shadowed by an instance, and an instance's __class__ changed, under warmed-up callers.
# C.f = fresh function (increasing tags), o.f = instance value, o.__class__ = A/B -> every call gives an allowed result.
from _spec import race, monotonic, lasts, Bad, tagged

R = 3
K = 3000



def replaced():
    class C:
        f = tagged(0)

    class D(C):
        pass
    o, d = C(), D()
    o.pad = 0
    last = lasts(R + 1)

    def write(k):
        C.f = tagged(k + 1)         # the old function is freed while others may have it cached

    def read(c):
        monotonic(last, c, o.f(), 'o.f()')
        monotonic(last, c, d.f(), 'd.f()')
        m = o.f                     # a bound method of whichever function was there
        monotonic(last, c, m(), 'bound o.f()')
        monotonic(last, c, C.f(o), 'C.f(o)')

    finals = race(R, K, write, read, lambda c: (o.f(), d.f(), C.f(d)))
    if finals != [(K, K, K)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('method replaced on the class: ok')


def shadowed():
    class C:
        def f(self):
            return 'method'
    o = C()
    o.pad = 0

    def write(k):
        if k % 2:
            del o.f
        else:
            o.f = lambda: 'instance'    # an instance attribute hides the method

    def read(c):
        r = o.f()
        if r != 'method' and r != 'instance':
            raise Bad('o.f() = %r' % (r,))

    finals = race(R, K, write, read, lambda c: o.f())
    if finals != ['method'] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('method shadowed by an instance attribute: ok')


def base_method():
    class Base:
        def f(self):
            return 0

    class Mid(Base):
        pass

    class Leaf(Mid):
        pass
    o = Leaf()
    last = lasts(R + 1)
    last_base = lasts(R + 1)

    def write(k):
        if k % 3 == 2:
            Mid.f = tagged(k)       # the nearer definition wins
        elif k % 3 == 0:
            Base.f = tagged(k)      # hidden while Mid has one
        else:
            try:
                del Mid.f
            except AttributeError:
                pass

    def end():
        Mid.f = tagged(K)

    def read(c):
        v = o.f()
        if v % 3 == 1:
            raise Bad('o.f() = %r' % (v,))
        if v % 3 == 2:
            monotonic(last, c, v, 'Mid.f')
        else:
            monotonic(last_base, c, v, 'Base.f')

    finals = race(R, K, write, read, lambda c: o.f(), end)
    if finals != [K] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('method replaced in a base class: ok')


def class_changed():
    class A:
        kind = 'a'

        def who(self):
            return 'A'

    class B:
        kind = 'b'

        def who(self):
            return 'B'

    objs = [A() for _ in range(4)]
    for i, o in enumerate(objs):
        o.n = i

    def write(k):
        objs[k % 4].__class__ = B if (k // 4) % 2 == 0 else A

    def end():
        for o in objs:
            o.__class__ = B

    def read(c):
        for o in objs:
            w = o.who()
            if w != 'A' and w != 'B':
                raise Bad('who() = %r' % (w,))
            kd = o.kind
            if kd != 'a' and kd != 'b':
                raise Bad('kind = %r' % (kd,))
            if type(o) is not A and type(o) is not B:
                raise Bad('type(o) = %r' % (type(o),))
        if objs[2].n != 2:
            raise Bad('n = %r' % (objs[2].n,))

    finals = race(R, K, write, read, lambda c: [(o.who(), o.kind, o.n) for o in objs], end)
    want = [('B', 'b', i) for i in range(4)]
    if finals != [want] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('__class__ changed: ok')


replaced()
shadowed()
base_method()
class_changed()
# expect: method replaced on the class: ok
# expect: method shadowed by an instance attribute: ok
# expect: method replaced in a base class: ok
# expect: __class__ changed: ok
