# Calls under warmed-up loops while another thread changes what is called: defaults, __init__, builtins, a method of a list subclass.
# every call returns a result of the old or the new callee (tags only increase), counts of real and replacement calls add up.
import builtins
from _spec import race, monotonic, lasts, Bad

R = 3
K = 3000


def defaults():
    def f(a=0, b=0):
        return a * 100000 + b
    last = lasts(R + 1)

    def write(k):
        f.__defaults__ = (k + 1, k + 1) if k % 2 else (k + 1, 0)

    def read(c):
        v = f()
        a, b = divmod(v, 100000)
        if b and b != a:
            raise Bad('f() = %r' % (v,))
        monotonic(last, c, a, 'f() default')
        w = f(7)
        if w // 100000 != 7:
            raise Bad('f(7) = %r' % (w,))
        if f(1, 2) != 100002:
            raise Bad('f(1, 2)')

    finals = race(R, K, write, read, lambda c: f())
    if finals != [K * 100000 + K] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('__defaults__ replaced: ok')


def init_replaced():
    class C:
        def __init__(self):
            self.v = 0
    last = lasts(R + 1)

    def make_init(k):
        def __init__(self, a=0):
            self.v = k + a
        return __init__

    def write(k):
        if k % 4 == 3:
            del C.__init__                  # object.__init__: no v at all
        else:
            C.__init__ = make_init(k + 1)

    def end():
        C.__init__ = make_init(K)

    def read(c):
        v = getattr(C(), 'v', None)
        if v is not None:
            monotonic(last, c, v, 'C().v')
            try:
                w = C(1).v
            except TypeError:               # __init__ deleted in between: object() takes no args
                return
            except AttributeError:
                return
            if w <= v:
                raise Bad('C(1).v = %r after C().v = %r' % (w, v))

    finals = race(R, K, write, read, lambda c: (C().v, C(5).v), end)
    if finals != [(K, K + 5)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('__init__ replaced while instantiating: ok')


def builtin_swapped():
    real_abs = builtins.abs
    fakes = [0] * (R + 1)
    reals = [0] * (R + 1)

    def fake_abs(x):
        return 'fake'

    def write(k):
        builtins.abs = fake_abs if k % 2 == 0 else real_abs

    def end():
        builtins.abs = real_abs

    def read(c):
        r = abs(-3)
        if r == 3:
            reals[c] += 1
        elif r == 'fake':
            fakes[c] += 1
        else:
            raise Bad('abs(-3) = %r' % (r,))

    try:
        finals = race(R, K, write, read, lambda c: abs(-4), end)
    finally:
        builtins.abs = real_abs
    if finals != [4] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('builtin function swapped: ok')


def list_method():
    class L(list):
        pass
    lists = [L() for _ in range(R + 1)]
    other = [0] * (R + 1)
    calls = [0] * (R + 1)

    def my_append(self, x):
        other[x] += 1

    def write(k):
        if k % 2:
            del L.append                # list.append again
        else:
            L.append = my_append

    def read(c):
        calls[c] += 1
        lists[c].append(c)          # a builtin method, unless the subclass has its own

    race(R, K, write, read)
    for c in range(R + 1):
        if len(lists[c]) + other[c] != calls[c] or lists[c] != [c] * len(lists[c]):
            raise Bad('reader %d: %d appended + %d replaced != %d calls'
                      % (c, len(lists[c]), other[c], calls[c]))
    print('list subclass method added and removed: ok')


def callee_rebound():
    def one(a):
        return ('one', a)

    def two(a, b=2):
        return ('two', a + b)

    class K1:
        def __init__(self, a):
            self.a = a

        def __eq__(self, other):
            return False

    class Holder:
        def meth(self, a):
            return ('meth', a)
    targets = [one, two, abs, K1, Holder().meth, len]
    box = [one]

    def write(k):
        box[0] = targets[k % len(targets)]

    def end():
        box[0] = one

    def read(c):
        g = box[0]
        try:
            r = g(-3)
        except TypeError:
            if g is not len:
                raise
            return
        if r == ('one', -3) or r == ('two', -1) or r == 3 or r == ('meth', -3):
            return
        if type(r) is K1 and r.a == -3:
            return
        raise Bad('call of %r gave %r' % (g, r))

    finals = race(R, K, write, read, lambda c: box[0](1), end)
    if finals != [('one', 1)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('callee rebound among kinds: ok')


defaults()
init_replaced()
builtin_swapped()
list_method()
callee_rebound()
# expect: __defaults__ replaced: ok
# expect: __init__ replaced while instantiating: ok
# expect: builtin function swapped: ok
# expect: list subclass method added and removed: ok
# expect: callee rebound among kinds: ok
