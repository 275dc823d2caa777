# for loops over shared lists that grow, shrink and are refilled, one generator shared by threads, unpacking, `in` and truth tests.
# the item at position j is always j (any prefix may be seen), each generated item once, only the allowed exceptions.
from _spec import race, monotonic, lasts, Bad

R = 3
K = 3000
B = 8
M = 40


def list_loops():
    L = list(range(B))
    Z = list(range(B))

    def write(k):
        if (k // M) % 2 == 0:
            L.append(len(L))
        else:
            L.pop()
        if k % 50 == 0:
            Z.clear()               # the loop in a reader stops early: still a prefix
            Z.extend(range(k % 30))
        elif k % 50 == 25:
            Z[:] = range(60)

    def read(c):
        j = 0
        for x in L:
            if x != j:
                raise Bad('L item %d is %r' % (j, x))
            j += 1
        if not B <= j <= B + M:
            raise Bad('iterated %d items of L' % j)
        j = 0
        for x in Z:
            if x != j:
                raise Bad('Z item %d is %r' % (j, x))
            j += 1
        t = 0
        snap = tuple(L)             # one consistent prefix
        for y in snap:
            t += y
        if t != len(snap) * (len(snap) - 1) // 2:
            raise Bad('sum of %r is %r' % (snap, t))

    finals = race(R, K, write, read, lambda c: [x for x in L] == list(range(len(L))))
    if finals != [True] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('lists grow and shrink under for loops: ok')


def ranges():
    box = [10]

    def write(k):
        box[0] = k % 97

    def read(c):
        n = box[0]
        s = 0
        for i in range(n):
            s += i
        if s != n * (n - 1) // 2:
            raise Bad('sum(range(%d)) = %r' % (n, s))
        for i in range(n, 0, -7):
            if i <= 0 or (n - i) % 7:
                raise Bad('range(%d, 0, -7) gave %r' % (n, i))

    race(R, K, write, read)
    print('range loops with changing bounds: ok')


def shared_generator():
    n = 8000
    got = [[] for _ in range(R + 1)]
    losses = [0]

    def produce():
        for i in range(n):
            yield i

    gen = produce()

    def write(k):
        pass

    def read(c):
        mine = got[c]
        try:
            for x in gen:           # FOR_ITER over a generator other threads advance too
                mine.append(x)
                if len(mine) % 64 == 0:
                    return
        except ValueError as e:
            if 'already executing' not in str(e):
                raise
            losses[0] += 1

    race(R, K // 10, write, read)
    everything = sorted(x for mine in got for x in mine)
    if everything != list(range(n)):
        raise Bad('%d items received, %d distinct' % (len(everything), len(set(everything))))
    for mine in got:
        if mine != sorted(mine):
            raise Bad('a thread received items out of order')
    print('one generator, for loops in several threads: ok')


def unpacking():
    box = [(0, 0)]
    last = lasts(R + 1)

    def write(k):
        v = k + 1
        box[0] = (v, v) if k % 3 == 0 else [v, v] if k % 3 == 1 else (v, v, v)

    def end():
        box[0] = (K, K)

    def read(c):
        try:
            a, b = box[0]
        except ValueError as e:
            if 'too many values to unpack' not in str(e):
                raise
            return
        if a != b:
            raise Bad('unpacked %r, %r' % (a, b))
        monotonic(last, c, a, 'unpacked')
        x, *rest = box[0]
        if len(rest) not in (1, 2) or rest[0] != x:
            raise Bad('starred %r %r' % (x, rest))

    finals = race(R, K, write, read, lambda c: tuple(box[0]), end)
    if finals != [(K, K)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('unpacking tuples and lists that change: ok')


def contains_and_truth():
    d = {'s%d' % i: i for i in range(B)}
    s = set(range(B))
    FALSY = (0, '', None, 0.0, [], ())
    values = [0, 1, '', 'a', None, 0.0, 2.5, [], [1], (), (1,), -1]
    box = [0]
    vk = ['v%d' % i for i in range(M)]

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
        if 's3' not in d or 3 not in s or 'zz' in d or -1 in s:
            raise Bad('stable membership')
        x = d.get('v5')
        if x is not None and x != 5 or ('v5' in d) not in (True, False):
            raise Bad("d['v5'] = %r" % (x,))
        v = box[0]
        t = 1 if v else 0
        if t != (0 if v in FALSY else 1):
            raise Bad('truth of %r' % (v,))
        if (not v) != (t == 0):
            raise Bad('not %r' % (v,))

    race(R, K, write, read)
    print('in and truth tests on changing containers: ok')


list_loops()
ranges()
shared_generator()
unpacking()
contains_and_truth()
# expect: lists grow and shrink under for loops: ok
# expect: range loops with changing bounds: ok
# expect: one generator, for loops in several threads: ok
# expect: unpacking tuples and lists that change: ok
# expect: in and truth tests on changing containers: ok
