# Class attributes change while warmed-up threads read them through instances, the class and a subclass.
# C.x rebound (increasing), deleted over a base value, shadowed by an instance, swapped for a property -> allowed reads only.
from _spec import race, monotonic, lasts, Bad

R = 3          # readers
K = 3000       # writes per part


def rebound():
    class C:
        x = 0

    class D(C):
        pass
    o, d = C(), D()
    o.other = 1                     # an instance dict that does not hold x
    last = lasts(R + 1)

    def write(k):
        C.x = k + 1

    def read(c):
        a = o.x
        monotonic(last, c, a, 'o.x')
        b = C.x
        monotonic(last, c, b, 'C.x')
        e = d.x
        monotonic(last, c, e, 'D().x')
        f = D.x
        monotonic(last, c, f, 'D.x')

    finals = race(R, K, write, read, lambda c: (o.x, C.x, d.x, D.x))
    if finals != [(K, K, K, K)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('C.x rebound: ok')


def deleted():
    class Base:
        x = -1
        y = 0

    class C(Base):
        x = 0

    class Sub(C):
        pass
    o, s = C(), Sub()
    last = lasts(R + 1)

    def write(k):
        if k % 2:
            del C.x                 # o.x falls back to Base.x
        else:
            C.x = k
        Base.y = k                  # a change in a base seen through two subclasses

    def end():
        C.x = K

    def read(c):
        for v, what in ((o.x, 'o.x'), (s.x, 's.x'), (C.x, 'C.x')):
            if v != -1:
                monotonic(last, c, v, what)
        y = s.y
        if y < 0 or y >= K:
            raise Bad('s.y = %r' % (y,))

    finals = race(R, K, write, read, lambda c: (o.x, s.x, C.x, s.y, Sub.y), end)
    if finals != [(K, K, K, K - 1, K - 1)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('C.x deleted and restored: ok')


def shadowed():
    class C:
        x = 7
    o = C()
    o.pad = 0

    def write(k):
        if k % 2:
            del o.x
        else:
            o.x = -2

    def read(c):
        v = o.x
        if v != 7 and v != -2:
            raise Bad('o.x = %r' % (v,))

    finals = race(R, K, write, read, lambda c: (o.x, C.x))
    if finals != [(7, 7)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('instance shadows class attribute: ok')


def property_swap():
    prop = property(lambda self: 2)

    class C:
        p = 1
    o = C()
    o.__dict__['p'] = 3             # the instance wins over a plain class value, a property wins over it
    bare = C()
    bare.q = 0

    def write(k):
        C.p = 1 if k % 2 else prop

    def end():
        C.p = prop

    def read(c):
        v = o.p
        if v != 2 and v != 3:
            raise Bad('o.p = %r' % (v,))
        w = bare.p
        if w != 1 and w != 2:
            raise Bad('bare.p = %r' % (w,))

    finals = race(R, K, write, read, lambda c: (o.p, bare.p), end)
    if finals != [(2, 2)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('property swapped in: ok')


def shadow_under_resize():
    # One load site sees an instance without x (the class value) and one
    # that always has it, whose dict the writer keeps resizing: a probe of
    # that dict must never miss x (it would give the class value).
    class C:
        x = 7

        def f(self):
            return 'method'
    bare, o = C(), C()
    bare.pad = 0
    o.x = -2
    o.f = lambda: 'instance'
    names = ['a%d' % i for i in range(48)]

    def write(k):
        i = k % 96
        if i < 48:
            setattr(o, names[i], i)
        else:
            delattr(o, names[i - 48])

    def read(c):
        for ob in (bare, o, bare, o):
            v = ob.x
            r = ob.f()
            if ob is o and (v != -2 or r != 'instance') or ob is bare and (v != 7 or r != 'method'):
                raise Bad('%s: x = %r, f() = %r' % ('o' if ob is o else 'bare', v, r))

    finals = race(R, K, write, read, lambda c: (bare.x, o.x, bare.f(), o.f()))
    if finals != [(7, -2, 'method', 'instance')] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('instance value kept while its dict resizes: ok')


rebound()
deleted()
shadowed()
property_swap()
shadow_under_resize()
# expect: C.x rebound: ok
# expect: C.x deleted and restored: ok
# expect: instance shadows class attribute: ok
# expect: property swapped in: ok
# expect: instance value kept while its dict resizes: ok
