# weft stress: global, builtin and call specializations vs a writer rebinding what they cached.
# globals rebound/deleted/added, builtins swapped and shadowed, module attributes, __defaults__, __init__, callees -> allowed results only.
"""The long version of tests/threads_spec/{globals,builtins_swap,calls}.py.
Callers warm up (LOAD_GLOBAL, module attribute loads and calls specialize
in their own bytecode copies), then one writer rebinds a global (tags only
increase), deletes it (NameError allowed only then), grows the module dict,
swaps builtins and shadows one with a global, replaces a module attribute,
__defaults__, a class's __init__, and the function a call site calls.
Every result is one an old or a new binding gives, tags read at one place
never go back, and after the writer stops every caller and two fresh
threads see the final bindings."""
import builtins
import sys
from _stress import Scenario, size
from _spechot import hot_race, Mono, LATE

sc = Scenario('spec_globals')
K = size(2000, 300000)
CALLERS = 3
ALL = CALLERS + LATE
this = sys.modules[__name__]
real_len, real_abs, real_isinstance = builtins.len, builtins.abs, builtins.isinstance
g_tag = 0
g_gone = 0


def restore():
    builtins.len, builtins.abs, builtins.isinstance = real_len, real_abs, real_isinstance
    globals().pop('len', None)


def global_rebound():
    sc.part('a global rebound (tags), deleted and restored, the module dict growing')
    g = globals()
    names = ['spec_grown_%d' % i for i in range(K)]
    mono = Mono(sc, CALLERS)

    def write(k):
        global g_tag, g_gone
        g_tag = k
        if k % 2:
            del g_gone
        else:
            g_gone = k
        g[names[k]] = k

    def read(c):
        mono(c, g_tag, 'g_tag')
        try:
            v = g_gone
        except NameError:
            v = None
        if v is not None:
            if v % 2:
                sc.fail('g_gone = %r' % (v,))
            mono(c, v, 'g_gone')
        mono(c, this.g_tag, 'this.g_tag')

    def end():
        global g_tag, g_gone
        g_tag = g_gone = K
    finals = hot_race(sc, CALLERS, K, write, read, lambda c: (g_tag, g_gone, this.g_tag), end)
    sc.equal(finals, [(K, K, K)] * ALL, 'globals after the writer')
    for n in names:
        del g[n]


def builtins_swapped():
    sc.part('len, abs, isinstance replaced through builtins; len shadowed by a global')
    data = [1, 2, 3]
    g = globals()
    fakes = [0] * ALL

    def fake(*args):
        return 'fake'

    def write(k):
        r = k % 4
        if r == 0:
            builtins.len = builtins.abs = builtins.isinstance = fake
        elif r == 1:
            restore()
        elif r == 2:
            g['len'] = fake
        else:
            del g['len']

    def read(c):
        n, a, i = len(data), abs(-2), isinstance(data, list)
        if n != 3 and n != 'fake' or a != 2 and a != 'fake' or i is not True and i != 'fake':
            sc.fail('len, abs, isinstance gave %r %r %r' % (n, a, i))
        fakes[c] += (n == 'fake') + (a == 'fake') + (i == 'fake')

    try:
        finals = hot_race(sc, CALLERS, K, write, read,
                          lambda c: (len(data), abs(-2), isinstance(data, list)), restore)
    finally:
        restore()
    sc.equal(finals, [(3, 2, True)] * ALL, 'builtins after the writer')


def module_attribute():
    sc.part('a module attribute (a function) replaced while called as module.f()')
    mono = Mono(sc, CALLERS)
    this.spec_f = tagged(0)

    def write(k):
        this.spec_f = tagged(k)

    def read(c):
        mono(c, this.spec_f(), 'this.spec_f()')
        mono(c, spec_f(), 'spec_f()')

    def end():
        this.spec_f = tagged(K)
    finals = hot_race(sc, CALLERS, K, write, read, lambda c: (this.spec_f(), spec_f()), end)
    sc.equal(finals, [(K, K)] * ALL, 'module attribute after the writer')


def tagged(k):
    return lambda: k


def defaults_and_init():
    sc.part('__defaults__ and a class __init__ replaced while called')

    def f(a=0, b=0):
        return (a, b)

    class C:
        def __init__(self, v=0):
            self.v = v

    def make_init(k):
        def __init__(self):
            self.v = k
        return __init__
    mono = Mono(sc, CALLERS)

    def write(k):
        f.__defaults__ = (k, k) if k % 2 else (k, -k)
        if k % 3 == 2:
            del C.__init__
        else:
            C.__init__ = make_init(k)

    def read(c):
        a, b = f()
        if b != a and b != -a:
            sc.fail('f() = %r' % ((a, b),))
        mono(c, a, 'f()')
        if f(1)[0] != 1 or f(1, 2) != (1, 2):
            sc.fail('f(1) = %r' % (f(1),))
        v = getattr(C(), 'v', None)
        if v is not None:
            mono(c, v, 'C().v')

    def end():
        f.__defaults__ = (K, K)
        C.__init__ = make_init(K)
    finals = hot_race(sc, CALLERS, K, write, read, lambda c: (f(), C().v), end)
    sc.equal(finals, [((K, K), K)] * ALL, 'defaults and __init__ after the writer')


def callee_rebound():
    sc.part('one call site calling a function, a bound method, a class, a builtin, a lambda in turn')

    class Box:
        def __init__(self, a):
            self.a = a

        def m(self, a):
            return a * 2
    targets = [lambda a: a + 1, Box(0).m, Box, abs, lambda a, b=5: a * b]
    box = [targets[0]]
    counts = [[0] * len(targets) for _ in range(ALL)]

    def write(k):
        box[0] = targets[k % len(targets)]

    def read(c):
        r = box[0](-3)
        if type(r) is Box:
            if r.a != -3:
                sc.fail('Box(-3).a = %r' % (r.a,))
            counts[c][2] += 1
        elif r in (-2, -6, 3, -15):
            counts[c][(-2, -6, None, 3, -15).index(r)] += 1
        else:
            sc.fail('call gave %r' % (r,))

    def end():
        box[0] = targets[0]
    finals = hot_race(sc, CALLERS, K, write, read, lambda c: box[0](1), end)
    sc.equal(finals, [2] * ALL, 'the call after the writer')


try:
    global_rebound()
    builtins_swapped()
    module_attribute()
    defaults_and_init()
    callee_rebound()
finally:
    restore()
sc.equal(builtins.len, real_len, 'builtins.len at the end')
sc.done()
