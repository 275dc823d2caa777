# Sites warmed up on sibling classes (polymorphic forms) while a writer replaces one sibling's method and shadows an attribute.
# B.f = fresh function (increasing tags), B.n = property / deleted, b.__class__ swapped -> every read gives an allowed result.
from _spec import race, monotonic, lasts, Bad, tagged

R = 3
K = 3000



class Base:
    def __init__(self, n):
        self.n = n

    def same(self):
        return 'same'


def siblings():
    class A(Base):
        f = tagged(-1)

    class B(Base):
        f = tagged(0)

    class C(Base):
        f = tagged(-3)

    class D(Base):
        f = tagged(-4)
    objs = [A(1), B(2), C(3), D(4)]
    last = lasts(R + 1)
    seen = [0] * (R + 1)

    def write(k):
        B.f = tagged(k + 1)                  # B's entry in the (version, method) pairs goes stale
        if k % 4 == 1:
            B.n = property(lambda self: -2)  # a data descriptor now wins over B's instance value
        elif k % 4 == 3:
            del B.n

    def read(c):
        for o in objs:
            v = o.f()
            if type(o) is B:
                monotonic(last, c, v, 'b.f()')
            elif v != -o.n:
                raise Bad('%s.f() = %r' % (type(o).__name__, v))
            n = o.n
            if n != objs.index(o) + 1 and not (type(o) is B and n == -2):
                raise Bad('%s.n = %r' % (type(o).__name__, n))
            if o.same() != 'same':
                raise Bad('same() = %r' % (o.same(),))
            try:
                o.n = n if n > 0 else 2              # a store through the version table
            except AttributeError:
                if type(o) is not B:
                    raise
                seen[c] += 1                         # the property (no setter) was there

    def end():
        B.f = tagged(K)
        if isinstance(B.__dict__.get('n'), property):
            del B.n

    finals = race(R, K, write, read, lambda c: [(o.f(), o.n) for o in objs], end)
    want = [(-1, 1), (K, 2), (-3, 3), (-4, 4)]
    if finals != [want] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('sibling classes, one changing: ok')


siblings()
# expect: sibling classes, one changing: ok
