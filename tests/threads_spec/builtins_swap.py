# Builtins replaced through the builtins module and shadowed by module globals, under warmed-up callers.
# len/isinstance/print swapped for tagged fakes and restored, a global `len` added and deleted -> allowed results, counts add up.
import builtins
from _spec import race, monotonic, lasts, Bad

R = 3
K = 3000
real_len = builtins.len
real_isinstance = builtins.isinstance
real_print = builtins.print


def fake(k):
    return lambda *args, **kw: -k - 1


def restore():
    builtins.len = real_len
    builtins.isinstance = real_isinstance
    builtins.print = real_print
    globals().pop('len', None)


def swapped():
    data = [1, 2, 3]
    last = lasts(R + 1)

    def write(k):
        if k % 2:
            builtins.len = fake(k)
            builtins.isinstance = fake(k)
        else:
            builtins.len = real_len
            builtins.isinstance = real_isinstance

    def read(c):
        n = len(data)
        if n != 3:
            if n >= 0 or (-n - 1) % 2 == 0:
                raise Bad('len(data) = %r' % (n,))
            monotonic(last, c, -n, 'fake len')
        i = isinstance(data, list)
        if i is not True and (type(i) is not int or i >= 0):
            raise Bad('isinstance = %r' % (i,))

    try:
        finals = race(R, K, write, read, lambda c: (len(data), isinstance(data, list)), restore)
    finally:
        restore()
    if finals != [(3, True)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('builtins replaced and restored: ok')


def shadowed():
    data = 'abcd'
    g = globals()

    def write(k):
        if k % 2:
            del g['len']
        else:
            g['len'] = fake(k)          # a module global hides the builtin

    def read(c):
        n = len(data)
        if n != 4 and (n >= 0 or (-n - 1) % 2):
            raise Bad('len(data) = %r' % (n,))

    try:
        finals = race(R, K, write, read, lambda c: len(data))
    finally:
        restore()
    if finals != [4] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('builtin shadowed by a global: ok')


class Sink:
    """A file for the real print: counts the lines written to it."""
    def __init__(self):
        self.lines = 0

    def write(self, s):
        self.lines += s.count('\n')    # one reader per sink: no lost updates
        return len(s)

    def flush(self):
        pass


def print_swapped():
    sinks = [Sink() for _ in range(R + 1)]
    faked = [0] * (R + 1)
    calls = [0] * (R + 1)

    def fake_print(*args, **kw):
        faked[kw['file'].index] += 1

    for i, s in enumerate(sinks):
        s.index = i

    def write(k):
        builtins.print = fake_print if k % 2 == 0 else real_print

    def read(c):
        calls[c] += 1
        print('x', file=sinks[c])

    try:
        race(R, K, write, read, end=restore)
    finally:
        restore()
    # Every call went to exactly one of them: the real print (a line in the sink) or the fake.
    for c in range(R + 1):
        if sinks[c].lines + faked[c] != calls[c]:
            raise Bad('reader %d: %d lines + %d fakes != %d calls'
                      % (c, sinks[c].lines, faked[c], calls[c]))
    print('print replaced: ok')


swapped()
shadowed()
print_swapped()
if builtins.len is not real_len or 'len' in globals():
    raise Bad('len not restored')
# expect: builtins replaced and restored: ok
# expect: builtin shadowed by a global: ok
# expect: print replaced: ok
