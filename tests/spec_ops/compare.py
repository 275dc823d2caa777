# COMPARE_OP on ints, floats and strs, specialized (with the fused branch)
# and missed: other types at the same site, exact int/float comparison past
# 2**53, nan, str ordering, a TypeError after warm-up.
def lt(a, b): return a < b
def le(a, b): return a <= b
def eq(a, b): return a == b
def ne(a, b): return a != b
def gt(a, b): return a > b
def ge(a, b): return a >= b
ops = [lt, le, eq, ne, gt, ge]

def branchy(a, b):
    n = 0
    if a < b: n += 1
    if a <= b: n += 2
    if a == b: n += 4
    if a != b: n += 8
    if a > b: n += 16
    if a >= b: n += 32
    if not (a < b): n += 64
    return n

def table(xs):
    return [(branchy(x, y), [f(x, y) for f in ops]) for x in xs for y in xs]

ints = [-3, 0, 2, 2 ** 61]
for _ in range(30):
    r = table(ints)
print(sum(n for n, _ in r), sum(sum(v) for _, v in r))
# expect: 1194 48
floats = [-1.5, 0.0, -0.0, 2.5, float("inf")]
for _ in range(30):
    r = table(floats)
print(sum(n for n, _ in r), sum(sum(v) for _, v in r))
# expect: 1893 75
strs = ["", "a", "ab", "b", "é"]
for _ in range(30):
    r = table(strs)
print(sum(n for n, _ in r), sum(sum(v) for _, v in r))
# expect: 1820 75

# The same sites with mixes and specials after warm-up.
nan = float("nan")
print(branchy(nan, nan), branchy(1, nan), [f(nan, nan) for f in ops])
# expect: 72 72 [False, False, False, True, False, False]
print(branchy(2 ** 53 + 1, float(2 ** 53)), [f(2 ** 53 + 1, float(2 ** 53)) for f in ops])
# expect: 120 [False, False, False, True, True, True]
print(branchy(float(2 ** 62), 2 ** 62 - 1), [f(2 ** 62 - 1, float(2 ** 62)) for f in ops])
# expect: 120 [True, True, False, True, False, False]
print(branchy(10 ** 30, 10 ** 30 + 1), branchy(True, 1), branchy(1, 1.0), branchy(0.5, 1))
# expect: 11 102 102 11
print([f("a", 1) for f in (eq, ne)], [f((1, 2), (1, 3)) for f in ops])
# expect: [False, True] [True, True, False, True, False, False]
try:
    lt("a", 1)
except TypeError as e:
    print(e)
# expect: '<' not supported between instances of 'str' and 'int'
try:
    branchy(1.5, "x")
except TypeError as e:
    print(e)
# expect: '<' not supported between instances of 'float' and 'str'

# A loop condition that is an int compare, then a float one.
def count_to(limit):
    i = 0
    while i < limit:
        i += 1
    return i
print(count_to(300), count_to(10.5), count_to(-1))
# expect: 300 11 0

class Weird:
    def __lt__(self, other): return "weird"
    def __eq__(self, other): return 0
def wb(a, b): return 1 if a < b else 0
print(sum(wb(i, 100) for i in range(200)), lt(Weird(), 1), eq(Weird(), 1), wb(Weird(), 2))
# expect: 100 weird 0 1
class MyStr(str):
    def __eq__(self, other): return True
    __hash__ = str.__hash__
print(eq(MyStr("a"), "b"), eq("b", MyStr("a")), ne("b", MyStr("a")))
# expect: True True True

# float OP int (COMPARE_OP_FLOAT_INT): warm, then nan, -0.0, ints past 2**53
# (exact comparison), a float on the right, a heap int.
def sign(x):
    if x < 0:
        return -1
    if x > 0:
        return 1
    return 0
print(sum(sign(i * 0.5 - 50.0) for i in range(200)), sign(-0.0), sign(nan))
# expect: -1 0 0
def near(x, k):
    return [x < k, x <= k, x == k, x != k, x > k, x >= k]
for _ in range(100):
    near(1.5, 2)
print(near(float(2 ** 53), 2 ** 53 + 1), near(float(2 ** 60), 2 ** 60 + 1))
# expect: [True, True, False, True, False, False] [True, True, False, True, False, False]
print(near(nan, 0), near(2.0, 2), near(-0.0, 0))
# expect: [False, False, False, True, False, False] [False, True, True, False, False, True] [False, True, True, False, False, True]
print(near(3, 2.5), near(1e300, 10 ** 30), near(float("inf"), 2 ** 62 - 1))
# expect: [False, False, False, True, True, True] [False, False, False, True, True, True] [False, False, False, True, True, True]
