# list[i], tuple[i] and dict[k] loads and stores under warmed-up loops while another thread resizes the container.
# IndexError/KeyError only for items that really come and go, readers' own stores read back exactly, values never torn.
from _spec import race, monotonic, lasts, Bad

R = 3
K = 3000
B = 16          # items that always exist
M = 48          # items that come and go


def list_resized():
    L = list(range(B))
    S = [0] * B                     # readers store into S[c]; the writer grows and shrinks it
    seq = [0] * (R + 1)
    hi = [B - 1] * (R + 1)

    def write(k):
        if (k // M) % 2 == 0:
            L.append(len(L))
            S.append(-1)
        else:
            L.pop()
            S.pop()
        if k % 97 == 0:
            L[3] = 3                # a store of the same value at a stable index

    def read(c):
        for j in (0, 3, B - 1):
            if L[j] != j:
                raise Bad('L[%d] = %r' % (j, L[j]))
        for j in (B, B + 7, B + M - 1):
            try:
                v = L[j]
            except IndexError:
                continue
            if v != j:
                raise Bad('L[%d] = %r' % (j, v))
        t = L[-1]
        if not B - 1 <= t < B + M:
            raise Bad('L[-1] = %r' % (t,))
        if L[-B] < 0:
            raise Bad('L[-B] = %r' % (L[-B],))
        n = len(L)
        if not B <= n <= B + M:
            raise Bad('len(L) = %r' % (n,))
        seq[c] += 1
        S[c] = seq[c]
        if S[c] != seq[c]:
            raise Bad('S[%d] read back %r, stored %r' % (c, S[c], seq[c]))

    finals = race(R, K, write, read, lambda c: (L == list(range(len(L))), S[c] == seq[c]))
    if finals != [(True, True)] * (R + 1) or S[B:] != [-1] * (len(S) - B):
        raise Bad('finals %r' % (finals,))
    print('list resized under loads and stores: ok')


def tuple_swapped():
    box = [(0, 0, 0)]
    last = lasts(R + 1)

    def write(k):
        box[0] = (k + 1, k + 1, k + 1) if k % 2 else [k + 1, k + 1, k + 1]

    def read(c):
        t = box[0]
        if t[0] != t[2] or t[1] != t[-1]:
            raise Bad('t = %r' % (t,))
        monotonic(last, c, t[1], 'box[0][1]')

    finals = race(R, K, write, read, lambda c: box[0])
    if finals != [(K, K, K)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('tuple and list items by index: ok')


def dict_keys_change():
    d = {'s%d' % i: i for i in range(B)}
    di = {i: -i for i in range(B)}
    vkeys = ['v%d' % i for i in range(M)]
    seq = [0] * (R + 1)
    rkeys = ['r%d' % c for c in range(R + 1)]

    def write(k):
        i = k % (2 * M)
        if i < M:
            d[vkeys[i]] = i
            di[B + i] = -(B + i)
        else:
            del d[vkeys[i - M]]
            del di[B + i - M]

    def read(c):
        if d['s3'] != 3 or d['s15'] != 15:
            raise Bad('stable keys %r %r' % (d['s3'], d['s15']))
        if di[5] != -5 or 'v' in d or 's0' not in d:
            raise Bad('di[5] = %r' % (di[5],))
        try:
            v = d['v20']
        except KeyError:
            pass
        else:
            if v != 20:
                raise Bad("d['v20'] = %r" % (v,))
        try:
            v = di[B + 40]
        except KeyError:
            pass
        else:
            if v != -(B + 40):
                raise Bad('di[%d] = %r' % (B + 40, v))
        seq[c] += 1
        d[rkeys[c]] = seq[c]
        if d[rkeys[c]] != seq[c]:
            raise Bad('own key read back %r' % (d[rkeys[c]],))

    finals = race(R, K, write, read, lambda c: (d[rkeys[c]] == seq[c], len(di)))
    left = K % (2 * M) if K % (2 * M) <= M else 2 * M - K % (2 * M)
    if finals != [(True, B + left)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('dict keys added and removed: ok')


list_resized()
tuple_swapped()
dict_keys_change()
# expect: list resized under loads and stores: ok
# expect: tuple and list items by index: ok
# expect: dict keys added and removed: ok
