# Module globals rebound, deleted and added, and a module attribute replaced, under warmed-up LOAD_GLOBAL loops.
# increasing values per name, NameError only while the name is deleted, the globals dict resizing -> allowed results only.
import _specmod
from _spec import race, monotonic, lasts, Bad

R = 3
K = 3000
gv = 0
gone = 0
fixed = 'fixed'


def rebound():
    last = lasts(R + 1)

    def write(k):
        global gv
        gv = k + 1

    def read(c):
        monotonic(last, c, gv, 'gv')
        monotonic(last, c, gv, 'gv again')

    finals = race(R, K, write, read, lambda c: gv)
    if finals != [K] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('global rebound: ok')


def deleted():
    last = lasts(R + 1)
    g = globals()

    def write(k):
        global gone
        if k % 2:
            del gone
        else:
            gone = k

    def end():
        g['gone'] = K

    def read(c):
        try:
            v = gone
        except NameError:
            return
        if v % 2:
            raise Bad('gone = %r' % (v,))
        monotonic(last, c, v, 'gone')

    finals = race(R, K, write, read, lambda c: gone, end)
    if finals != [K] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('global deleted and restored: ok')


def grows():
    # New globals (the module dict resizes, its keys change) while others load fixed ones.
    g = globals()
    names = ['grown_%d' % i for i in range(K)]

    def write(k):
        g[names[k]] = k

    def read(c):
        if fixed != 'fixed' or rebound is None or len(names) != K:
            raise Bad('fixed = %r' % (fixed,))

    finals = race(R, K, write, read, lambda c: (fixed, g.get(names[-1])))
    if finals != [('fixed', K - 1)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    for n in names:
        del g[n]
    print('globals dict grows under readers: ok')


def module_attr():
    mod = _specmod
    last = lasts(R + 1)
    orig_f = mod.f

    def tagged(k):
        return lambda: -k

    def write(k):
        if k % 2:
            mod.value = k           # read by the module's own f through LOAD_GLOBAL
            mod.f = orig_f
        else:
            mod.f = tagged(k)       # a module attribute replaced: -k

    def end():
        mod.value = K
        mod.f = orig_f

    def read(c):
        v = _specmod.f()
        if v > 0:
            monotonic(last, c, v, '_specmod.value')
        if mod.g() != 'g':
            raise Bad('g')

    finals = race(R, K, write, read, lambda c: (_specmod.f(), mod.value), end)
    if finals != [(K, K)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('module attribute replaced: ok')


rebound()
deleted()
grows()
module_attr()
# expect: global rebound: ok
# expect: global deleted and restored: ok
# expect: globals dict grows under readers: ok
# expect: module attribute replaced: ok
