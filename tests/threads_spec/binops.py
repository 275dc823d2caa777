# Binary operators and comparisons whose operand types change under warmed-up loops: shared slots flip int/float/str.
# each result must match the operand types actually read (TypeError only for str with a number), values only increase.
from _spec import race, monotonic, lasts, Bad

R = 3
K = 3000
N = 8


def flipping():
    vals = [0] * N
    box = [0]
    last = lasts(R + 1)

    def write(k):
        kind = (k // N) % 3
        v = k + 1
        vals[k % N] = v if kind == 0 else float(v) if kind == 1 else str(v)
        box[0] = vals[k % N]

    def num(v):
        return int(v) if type(v) is str else v

    def read(c):
        for i in range(N):
            a = vals[i]
            b = vals[(i + 1) % N]
            ta = type(a)
            monotonic(last, c, num(a), 'vals[%d]' % i)
            s = a + a
            if type(s) is not ta or s != a * 2:
                raise Bad('%r + %r = %r' % (a, a, s))
            if ta is str:
                try:
                    a - 1
                except TypeError:
                    pass
                else:
                    raise Bad('str - int did not raise')
                if a + 'x' != '%sx' % a:
                    raise Bad('str + str')
            else:
                d = a - 1
                if type(d) is not ta or d + 1 != a:
                    raise Bad('%r - 1 = %r' % (a, d))
                m = a * 3
                if type(m) is not ta or m != a + a + a:
                    raise Bad('%r * 3 = %r' % (a, m))
                h = a + 0.5
                if type(h) is not float or h != float(a) + 0.5:
                    raise Bad('%r + 0.5 = %r' % (a, h))
                if a // 1 != a or a % 1 != 0:
                    raise Bad('%r // 1' % (a,))
            if (ta is str) != (type(b) is str):
                try:
                    a < b
                except TypeError:
                    pass
                else:
                    raise Bad('%r < %r did not raise' % (a, b))
            elif ta is str:
                if (a < b) != (a != b and min(a, b) is a):
                    raise Bad('%r < %r' % (a, b))
            else:
                if (a < b) != (float(a) < float(b)) or (a >= b) != (float(a) >= float(b)):
                    raise Bad('%r < %r' % (a, b))
            same = (ta is str) == (type(b) is str) and num(a) == num(b)
            if (a == b) != same or (a != b) == same:
                raise Bad('%r == %r' % (a, b))
        x = box[0]
        if x + x != x * 2:
            raise Bad('box %r' % (x,))

    def final(c):
        return [type(v).__name__ for v in vals], [v * 2 for v in vals]

    finals = race(R, K, write, read, final)
    kinds = [((K - N + i) // N) % 3 for i in range(N)]
    want_types = [('int', 'float', 'str')[kd] for kd in kinds]
    if finals[0][0] != want_types or finals != [finals[0]] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('operands change type: ok')


def int_overflow():
    # Small ints, big ints and floats through one add/compare site.
    box = [1]
    last = lasts(R + 1)

    def write(k):
        box[0] = (k + 1) * (1 if k % 3 else 1 << 70) if k % 2 else float(k)

    def read(c):
        v = box[0]
        s = v + 1
        if s - 1 != v or (v < s) is not True:
            raise Bad('%r + 1 = %r' % (v, s))
        p = v * v
        if v and p / v != v:
            raise Bad('%r * %r = %r' % (v, v, p))

    race(R, K, write, read)
    print('ints overflow to big ints and floats: ok')


flipping()
int_overflow()
# expect: operands change type: ok
# expect: ints overflow to big ints and floats: ok
