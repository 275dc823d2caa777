# weft stress: module globals rebound while other threads call and read them.
# a global function swapped, globals holding fresh objects, the globals dict growing -> only allowed results.
"""LOAD_GLOBAL and module attribute loads race with STORE_GLOBAL, setattr on
the module and insertions that resize the globals dict. Every call returns
one of the allowed results, every value read is one a writer stored, and
once the writers stop every thread sees the final binding."""
import sys
import threading
from _stress import Scenario, size

sc = Scenario('globals_rebind')
K = size(4000, 300000)                 # rebinds per writer
CALLERS = 3
TAG = 1000000


def f1():
    return 1


def f2():
    return 2


def f3(x=3):
    return x


f = f1
G = (-1, -1)
H = 'start'
this = sys.modules[__name__]


def race(write, read, final_check):
    """Callers loop on read() until the writer is done (see Scenario.race)."""
    return sc.race(CALLERS, write, read, final_check)


def function_swap():
    sc.part('global function f swapped between f1, f2, f3 while called')
    counts = [[0, 0, 0, 0] for _ in range(CALLERS)]

    def write():
        global f
        for i in range(K):
            f = (f1, f2, f3)[i % 3]
        f = f2

    def read(c):
        r = f()
        if r not in (1, 2, 3):
            sc.fail('f() returned %r' % (r,))
        counts[c][r] += 1
    finals = race(write, read, lambda: [f() for _ in range(50)])
    sc.equal(finals, [[2] * 50] * CALLERS, 'f() after the last rebinding')


def fresh_objects():
    sc.part('global G rebound to fresh tuples (the old ones freed) while read')

    def write():
        global G
        for i in range(K):
            G = (i, i)
        G = (K, K)

    def read(c):
        g = G
        if type(g) is not tuple or len(g) != 2 or g[0] != g[1] or not -1 <= g[0] <= K:
            sc.fail('G read as %r' % (g,))
    finals = race(write, read, lambda: G)
    sc.equal(finals, [(K, K)] * CALLERS, 'G after the last rebinding')


def module_setattr():
    sc.part('setattr on the module object while threads read this.H and H')

    def write():
        for i in range(K):
            setattr(this, 'H', 'h%d' % i)
        this.H = 'final'

    def read(c):
        for h in (H, this.H, getattr(this, 'H')):
            if h != 'start' and (type(h) is not str or not h.startswith('h')) and h != 'final':
                sc.fail('H read as %r' % (h,))
    finals = race(write, read, lambda: (H, this.H))
    sc.equal(finals, [('final', 'final')] * CALLERS, 'H after the last setattr')


def globals_growth():
    sc.part('new globals inserted (the dict resizes) while f and G are looked up')
    g = globals()
    names = ['grown_%d' % i for i in range(K)]

    def write():
        for i, name in enumerate(names):
            g[name] = i

    def read(c):
        if f() != 2 or G != (K, K):
            sc.fail('f() = %r, G = %r while globals grew' % (f(), G))
        v = g.get(names[c * 7 % K])
        if v is not None and v != c * 7 % K:
            sc.fail('%s read as %r' % (names[c * 7 % K], v))
    race(write, read, lambda: None)
    sc.equal([g[n] for n in names], list(range(K)), 'the inserted globals')
    for name in names:
        del g[name]


def cell_rebind():
    sc.part('a closure cell rebound by one thread, read by callers')
    box = -1

    def get():
        return box

    def write():
        nonlocal box
        for i in range(K):
            box = i * 2
        box = -2

    def read(c):
        v = get()
        if type(v) is not int or (v % 2 and v != -1) or not -2 <= v < 2 * K:
            sc.fail('cell read as %r' % (v,))
    finals = race(write, read, get)
    sc.equal(finals, [-2] * CALLERS, 'cell after the last rebinding')


function_swap()
fresh_objects()
module_setattr()
globals_growth()
cell_rebind()
sc.done()
