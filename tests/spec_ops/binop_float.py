# BINARY_OP on floats and int/float mixes (+ - * /), specialized and missed:
# a result written into a unique operand must never change a value that a
# name still holds; division by zero after warm-up; ints at a float site.
def add(a, b): return a + b
def sub(a, b): return a - b
def mul(a, b): return a * b
def div(a, b): return a / b
def iadd(a, b):
    a += b
    return a
def idiv(a, b):
    a /= b
    return a

fs = [add, sub, mul, div, iadd, idiv]
for f in fs:
    s = 0.0
    for i in range(200):
        s = s * 0.5 + f(i + 0.25, 1.5 + i)
    print(f.__name__, repr(s))
# expect: add 795.5
# expect: sub -2.5
# expect: mul 79105.75
# expect: div 1.9874680321870128
# expect: iadd 795.5
# expect: idiv 1.9874680321870128
for f in fs:
    s = 0.0
    for i in range(200):
        s = s * 0.5 + f(i + 0.25, i + 1) + f(i, 0.75 - i) + f(i + 1, 3)
    print(f.__name__, repr(s))
# expect: add 1200.0
# expect: sub 1181.0
# expect: mul 1986.5
# expect: div 132.6515236318292
# expect: iadd 1200.0
# expect: idiv 132.6515236318292

# Unique operands reused in place: the names keep their values.
def chain(x, n):
    y = x
    for _ in range(n):
        y = y * 1.0000001 + 0.5 - 0.25
    return x, y
print(chain(2.0, 300))
# expect: (2.0, 77.00118126203557)
def keep(n):
    vals = []
    v = 1.5
    for i in range(n):
        w = v + 1.0
        vals.append(w)
        v = w * 1.0
    return vals[:3], vals[-1], v
print(keep(150))
# expect: ([2.5, 3.5, 4.5], 151.5, 151.5)
a = 3.5
b = a
for i in range(200):
    b = b + 0.0
print(a, b, a is b)
# expect: 3.5 3.5 False

# Specials: signed zeros, infinities, nan.
inf = float("inf")
nan = float("nan")
for f in (add, sub, mul, div):
    print(f.__name__, f(-0.0, 0.0) if f is not div else f(-0.0, 1.0), f(inf, 1.0), f(inf, -inf) if f is not div else f(1.0, inf), f(nan, 1.0))
# expect: add 0.0 inf nan nan
# expect: sub -0.0 inf inf nan
# expect: mul -0.0 inf -inf nan
# expect: div -0.0 inf 0.0 nan

# Division by zero after warm-up, float and mixed; and int / int.
for pair in ((1.0, 0.0), (1, 0.0), (1.0, 0), (1, 0), (0.0, -0.0)):
    try:
        div(*pair)
    except ZeroDivisionError as e:
        print(type(pair[0]).__name__, type(pair[1]).__name__, e)
# expect: float float float division by zero
# expect: int float float division by zero
# expect: float int float division by zero
# expect: int int division by zero
# expect: float float float division by zero
print(div(7, 2), div(-7, 2), div(2 ** 53 + 1, 1), div(10 ** 20, 3), div(1, 3.0))
# expect: 3.5 -3.5 9007199254740992.0 3.333333333333333e+19 0.3333333333333333

# Ints, big ints, bools and strings at the float sites.
print(add(2, 3), sub(2 ** 70, 1.0), mul(True, 2.5), add(1.5, 2 ** 60), idiv(9, 3))
# expect: 5 1.1805916207174113e+21 2.5 1.152921504606847e+18 3.0
print(add(2 ** 1100, 0) > 0)
# expect: True
try:
    add(2 ** 1100, 1.0)
except OverflowError as e:
    print(e)
# expect: int too large to convert to float
try:
    sub(1.5, "x")
except TypeError as e:
    print(e)
# expect: unsupported operand type(s) for -: 'float' and 'str'
try:
    idiv(1.5, [])
except TypeError as e:
    print(e)
# expect: unsupported operand type(s) for /=: 'float' and 'list'

# float subclasses keep their methods.
class F(float):
    def __add__(self, other):
        return "F.__add__"
    def __rmul__(self, other):
        return "F.__rmul__"
print(add(F(1.0), 2.0), mul(2.0, F(3.0)), add(2.0, F(1.0)))
# expect: F.__add__ F.__rmul__ 3.0

# Mixed int/float with ints beyond 2**53 (rounded as CPython converts them).
print(add(2 ** 53 + 1, 0.0), sub(2 ** 62 - 1, 1.0), mul(3, 0.1), div(2 ** 61 + 3, 1.0))
# expect: 9007199254740992.0 4.611686018427388e+18 0.30000000000000004 2.305843009213694e+18
