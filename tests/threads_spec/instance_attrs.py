# Instance attributes (__slots__ words and __dict__ entries) written, added and deleted under warmed-up readers and writers.
# increasing values per location, readers' own stores read back exactly, the dict resizing -> nothing lost or torn.
from _spec import race, monotonic, lasts, Bad

R = 3
K = 3000


def slots():
    class S:
        __slots__ = ('a', 'b', 'mine')
    s = S()
    s.a = 0
    others = [S() for _ in range(R + 1)]
    last = lasts(R + 1)
    seq = [0] * (R + 1)

    def write(k):
        s.a = k + 1
        if k % 2:
            del s.b
        else:
            s.b = (k, k)            # a fresh tuple: the old one is freed while read

    def read(c):
        monotonic(last, c, s.a, 's.a')
        try:
            b = s.b
        except AttributeError:
            pass
        else:
            if type(b) is not tuple or b[0] != b[1] or b[0] % 2:
                raise Bad('s.b = %r' % (b,))
        mine = others[c]
        seq[c] += 1
        mine.mine = seq[c]          # stores of this thread's own slot: read back exactly
        if mine.mine != seq[c]:
            raise Bad('own slot read back %r' % (mine.mine,))

    finals = race(R, K, write, read, lambda c: (s.a, hasattr(s, 'b')))
    if finals != [(K, False)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('__slots__ written and deleted: ok')


def dict_grows():
    class P:
        pass
    o = P()
    o.fixed = 'fixed'
    names = ['a%d' % i for i in range(64)]
    last = lasts(R + 1)

    def write(k):
        # Add up to 64 attributes (the dict resizes several times), then delete them all.
        i = k % 128
        if i < 64:
            setattr(o, names[i], k)
        else:
            delattr(o, names[i - 64])

    def read(c):
        if o.fixed != 'fixed':
            raise Bad('o.fixed = %r' % (o.fixed,))
        try:
            v = o.a3
        except AttributeError:
            pass
        else:
            if v % 128 != 3:
                raise Bad('o.a3 = %r' % (v,))
            monotonic(last, c, v, 'o.a3')
        try:
            v = o.a40
        except AttributeError:
            pass
        else:
            if v % 128 != 40:
                raise Bad('o.a40 = %r' % (v,))

    finals = race(R, K, write, read, lambda c: (o.fixed, sorted(o.__dict__)))
    left = sorted(['fixed'] + names[:K % 128] if K % 128 <= 64 else ['fixed'] + names[K % 128 - 64:])
    if finals != [(('fixed'), left)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('instance dict grows and shrinks under readers: ok')


def own_stores():
    # Every thread stores its own attributes into one shared object while the
    # writer adds and deletes others (resizing the dict): no store is lost.
    class P:
        pass
    o = P()
    o.fixed = 0
    seq = [0] * (R + 1)
    names = ['r%d' % c for c in range(R + 1)]

    def write(k):
        if k % 2:
            del o.extra
            o.fixed = k
        else:
            o.extra = k
            for i in range(k % 16):
                setattr(o, 'w%d' % i, i)

    def read(c):
        seq[c] += 1
        n = seq[c]
        if c == 0:
            o.r0 = n                # a plain STORE_ATTR (specialized on the dict's shape)
            got = o.r0
        elif c == 1:
            o.r1 = n
            got = o.r1
        else:
            setattr(o, names[c], n)
            got = getattr(o, names[c])
        if got != n:
            raise Bad('own attribute %s read back %r, stored %r' % (names[c], got, n))

    finals = race(R, K, write, read, lambda c: getattr(o, names[c]) == seq[c])
    if finals != [True] * (R + 1) or o.fixed != K - 1:
        raise Bad('finals %r, fixed %r' % (finals, o.fixed))
    print('own stores under a resizing dict: ok')


slots()
dict_grows()
own_stores()
# expect: __slots__ written and deleted: ok
# expect: instance dict grows and shrinks under readers: ok
# expect: own stores under a resizing dict: ok
