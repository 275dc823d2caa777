# weft stress: builtins replaced at run time while threads call them; one generator shared by threads.
# builtins.len swapped and restored, a module global shadowing a builtin, next() racing -> allowed results only.
"""Two kinds of shared state the interpreter caches or guards behind the
programmer's back. Builtins: `builtins.len` is replaced and restored, a
module global shadows it and is deleted, a new builtin name appears and
disappears, while callers use them; every call gives an allowed result and
after the writer stops every caller sees the restored builtin. Generators:
threads call next() on one generator; a loser gets ValueError('generator
already executing') and retries, and every item is received exactly once."""
import builtins
import threading
from _stress import Scenario, size

sc = Scenario('builtins_swap')
K = size(3000, 200000)
CALLERS = 3
real_len = builtins.len


def fake_len(x):
    return -1


def restore_len():
    builtins.len = real_len        # never leave the process with a fake
    globals().pop('len', None)


def race(write, read, final_check):
    return sc.race(CALLERS, write, read, final_check, cleanup=restore_len)


def swap_len():
    sc.part('builtins.len replaced and restored while called')
    data = [1, 2, 3]

    def write():
        for i in range(K):
            builtins.len = fake_len if i % 2 == 0 else real_len

    def read(c):
        n = len(data)
        if n != 3 and n != -1:
            sc.fail('len(data) returned %r' % (n,))
    finals = race(write, read, lambda: [len(data) for _ in range(50)])
    sc.equal(finals, [[3] * 50] * CALLERS, 'len() after builtins.len was restored')


def shadow_len():
    sc.part('a module global len shadows the builtin, then is deleted')
    data = 'abcd'
    g = globals()

    def write():
        for i in range(K):
            if i % 2 == 0:
                g['len'] = fake_len
            else:
                del g['len']

    def read(c):
        n = len(data)
        if n != 4 and n != -1:
            sc.fail('len(data) returned %r' % (n,))
    finals = race(write, read, lambda: [len(data) for _ in range(50)])
    sc.equal(finals, [[4] * 50] * CALLERS, 'len() after the shadowing global was deleted')


def probe():
    return wf_stress_probe             # noqa: F821 (a builtin that comes and goes)


def appearing_builtin():
    sc.part('a new builtin name added and deleted while looked up')

    def write():
        for i in range(K):
            builtins.wf_stress_probe = i
            del builtins.wf_stress_probe

    def read(c):
        try:
            v = probe()
        except NameError:
            return
        if type(v) is not int or not 0 <= v < K:
            sc.fail('probe() returned %r' % (v,))

    def final():
        try:
            return probe()
        except NameError:
            return 'NameError'
    finals = race(write, read, final)
    sc.equal(finals, ['NameError'] * CALLERS, 'probe() after the name was deleted')


def shared_generator():
    sc.part('one generator, %d threads calling next()' % (CALLERS + 1))
    T = CALLERS + 1
    n = K * 2

    def produce():
        for i in range(n):
            x = i
            for _ in range(5):         # some work inside the frame: a window for losers
                x = (x * 7 + 1) % 1000003
            yield (i, x)
    gen = produce()
    got = [[] for _ in range(T)]
    losses = [0] * T
    go = threading.Barrier(T)

    def consumer(t):
        mine = got[t]
        go.wait()
        while True:
            try:
                mine.append(next(gen))
            except StopIteration:
                return
            except ValueError as e:
                if 'already executing' not in str(e):
                    raise
                losses[t] += 1
    sc.run([(consumer, t) for t in range(T)])
    everything = sorted(x for mine in got for x in mine)
    sc.equal(len(everything), n, 'items received')
    sc.equal([i for i, x in everything], list(range(n)), 'items received, each exactly once')
    for i, x in everything:
        y = i
        for _ in range(5):
            y = (y * 7 + 1) % 1000003
        if x != y:
            sc.fail('item %d carried %r, expected %r' % (i, x, y))
    for t in range(T):
        sc.equal(got[t], sorted(got[t]), 'order of the items thread %d received' % t)
    return sum(losses)


swap_len()
shadow_len()
appearing_builtin()
lost = shared_generator()
sc.equal(builtins.len, real_len, 'builtins.len at the end')
sc.done()
