# weft stress: operator, subscript and iteration specializations vs a writer changing types and sizes.
# operands flipping int/float/str, lists and dicts resized, for loops, a shared generator, unpacking -> exact results.
"""The long version of tests/threads_spec/{binops,subscripts,iteration}.py.
Callers warm up (binary ops, comparisons, list/dict/tuple subscripts and
stores, FOR_ITER, UNPACK_SEQUENCE, `in` and truth tests specialize in their
own bytecode copies), then one writer changes what they assumed: the types
of shared operands, a list's and a dict's size, the lengths of sequences
being unpacked. Each result matches the operands actually read; IndexError
and KeyError only for items that come and go; callers' own stores are never
lost; loops see a prefix in which item j is j; every generated item is
received once."""
from _stress import Scenario, size
from _spechot import hot_race, Mono, LATE

sc = Scenario('spec_ops')
K = size(4000, 300000)
CALLERS = 3
ALL = CALLERS + LATE


def operand_types():
    sc.part('shared operands flip between int, float, str and big int')
    N = 6
    vals = [0] * N
    mono = Mono(sc, CALLERS)

    def write(k):
        kind = (k // N) % 4
        vals[k % N] = (k, float(k), str(k), k << 66)[kind]

    def num(v):
        return int(v) if type(v) is str else int(v) if type(v) is float else v if v < 1 << 64 else v >> 66

    def read(c):
        for i in range(N):
            a, b = vals[i], vals[(i + 1) % N]
            ta = type(a)
            mono(c, num(a), 'vals[%d]' % i)
            if a + a != a * 2 or type(a + a) is not ta:
                sc.fail('%r + %r' % (a, a))
            if ta is not str:
                if a - a != 0 or (a + 1) - 1 != a or a * 1.0 != float(a):
                    sc.fail('arithmetic on %r' % (a,))
            if (ta is str) != (type(b) is str):
                try:
                    a < b
                except TypeError:
                    continue
                sc.fail('%r < %r did not raise' % (a, b))
            if ta is not str and (a < b) != (float(a) < float(b)):
                sc.fail('%r < %r' % (a, b))

    finals = hot_race(sc, CALLERS, K, write, read, lambda c: [type(v) for v in vals])
    sc.check(all(f == finals[0] for f in finals), 'operand types after the writer: %r' % (finals,))


def list_resized():
    sc.part('a list grows and shrinks under indexed loads, stores and for loops')
    B, M = 8, 56
    L = list(range(B))
    S = [0] * B
    seq = [0] * ALL

    def write(k):
        if (k // M) % 2 == 0:
            L.append(len(L))
            S.append(-1)
        else:
            L.pop()
            S.pop()

    def read(c):
        if L[0] != 0 or L[B - 1] != B - 1 or not B - 1 <= L[-1] < B + M:
            sc.fail('stable items %r %r %r' % (L[0], L[B - 1], L[-1]))
        try:
            v = L[B + 20]
        except IndexError:
            v = B + 20
        if v != B + 20:
            sc.fail('L[%d] = %r' % (B + 20, v))
        j = 0
        for x in L:
            if x != j:
                sc.fail('L item %d is %r' % (j, x))
            j += 1
        if not B <= j <= B + M:
            sc.fail('iterated %d items' % j)
        seq[c] += 1
        S[c] = seq[c]
        if S[c] != seq[c]:
            sc.fail('S[%d] read back %r, stored %r' % (c, S[c], seq[c]))

    finals = hot_race(sc, CALLERS, K, write, read, lambda c: (L == list(range(len(L))), S[c] == seq[c]))
    sc.equal(finals, [(True, True)] * ALL, 'list after the writer')


def dict_keys():
    sc.part('dict keys added and removed under d[k], d[k] = v, `in` and truth tests')
    B, M = 8, 64
    d = {'s%d' % i: i for i in range(B)}
    s = set(range(B))
    vk = ['v%d' % i for i in range(M)]
    mine = ['r%d' % c for c in range(ALL)]
    seq = [0] * ALL
    values = [0, 1, '', 'x', None, 0.0, 1.5, [], [0], (), (0,)]
    FALSY = (0, '', None, 0.0, [], ())
    box = [0]

    def write(k):
        i = k % (2 * M)
        if i < M:
            d[vk[i]] = i
            s.add(B + i)
        else:
            del d[vk[i - M]]
            s.discard(B + i - M)
        box[0] = values[k % len(values)]

    def read(c):
        if d['s5'] != 5 or 's5' not in d or 5 not in s or 'nope' in d:
            sc.fail('stable keys')
        try:
            v = d['v9']
        except KeyError:
            v = 9
        if v != 9:
            sc.fail("d['v9'] = %r" % (v,))
        seq[c] += 1
        d[mine[c]] = seq[c]
        if d[mine[c]] != seq[c]:
            sc.fail('own key read back %r' % (d[mine[c]],))
        x = box[0]
        if (1 if x else 0) != (0 if x in FALSY else 1):
            sc.fail('truth of %r' % (x,))

    finals = hot_race(sc, CALLERS, K, write, read, lambda c: d[mine[c]] == seq[c])
    sc.equal(finals, [True] * ALL, 'own keys after the writer')


def unpack_and_generator():
    sc.part('unpacking sequences whose type and length change; one generator in many for loops')
    box = [(0, 0)]
    mono = Mono(sc, CALLERS)
    n = K * 4
    got = [[] for _ in range(ALL)]

    def produce():
        for i in range(n):
            yield i
    gen = produce()

    def write(k):
        box[0] = ((k, k), [k, k], (k, k, k), 'ab')[k % 4]

    def read(c):
        try:
            a, b = box[0]
        except ValueError as e:
            if 'too many values' not in str(e):
                raise
        else:
            if a != b and (a, b) != ('a', 'b'):
                sc.fail('unpacked %r %r' % (a, b))
            if a != 'a':
                mono(c, a, 'unpacked')
        mine = got[c]
        try:
            for x in gen:
                mine.append(x)
                if len(mine) % 32 == 0:
                    break
        except ValueError as e:
            if 'already executing' not in str(e):
                raise

    def end():
        box[0] = (K, K)
    finals = hot_race(sc, CALLERS, K, write, read, lambda c: box[0], end)
    sc.equal(finals, [(K, K)] * ALL, 'box after the writer')
    rest = list(gen)
    everything = sorted([x for mine in got for x in mine] + rest)
    sc.equal(everything, list(range(n)), 'generated items, each received once')
    for mine in got:
        sc.check(mine == sorted(mine), 'a thread received items out of order')


operand_types()
list_resized()
dict_keys()
unpack_and_generator()
sc.done()
