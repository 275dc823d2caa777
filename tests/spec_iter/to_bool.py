# Truth tests on the common types (TO_BOOL_*), then objects with __bool__ /
# __len__ after warm-up on ints, and classes changed after warm-up.
def truth(x):
    if x:
        return 1
    return 0

def loop_while(x):
    n = 0
    while x:
        x = x[1:] if not isinstance(x, int) else x - 1
        n += 1
    return n

for i in range(200):
    truth(i % 3)
    loop_while(i % 5)
print(truth(0), truth(5), truth(-1), truth(2 ** 80), truth(True), truth(False), truth(None))
# expect: 0 1 1 1 1 0 0
print(truth(""), truth("a"), truth([]), truth([0]), truth(()), truth((0,)), truth({}), truth({0: 0}))
# expect: 0 1 0 1 0 1 0 1
print(truth(0.0), truth(0.5), truth(set()), truth({1}), truth(range(0)), truth(object()))
# expect: 0 1 0 1 0 1
print(loop_while(3), loop_while("abcd"), loop_while([1, 2]), loop_while(()))
# expect: 3 4 2 0

class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v

class N:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

print(truth(B(True)), truth(B(False)), truth(N(0)), truth(N(3)))
# expect: 1 0 0 1

for bad in (B(1), N(-1), B("x")):
    try:
        truth(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
# expect: TypeError __bool__ should return bool, returned int
# expect: ValueError __len__() should return >= 0
# expect: TypeError __bool__ should return bool, returned str

# a class without __bool__/__len__ (always true), changed after warm-up
class Plain:
    pass

p = Plain()
for i in range(200):
    truth(p)
print(truth(p))
# expect: 1
Plain.__bool__ = lambda self: False
print(truth(p))
# expect: 0
del Plain.__bool__
Plain.__len__ = lambda self: 0
print(truth(p))
# expect: 0
del Plain.__len__
print(truth(p))
# expect: 1

# per-type warm-up, then a miss on every other type
def each(x):
    return "T" if x else "F"

samples = [0, 1, "", "s", [], [1], (), (1,), {}, {1: 1}, None, True, False, p, 0.0, B(False)]
for warm in samples:
    for i in range(120):
        each(warm)
    print("".join(each(x) for x in samples))
# expect: FTFTFTFTFTFTFTFF
# expect: FTFTFTFTFTFTFTFF
# expect: FTFTFTFTFTFTFTFF
# expect: FTFTFTFTFTFTFTFF
# expect: FTFTFTFTFTFTFTFF
# expect: FTFTFTFTFTFTFTFF
# expect: FTFTFTFTFTFTFTFF
# expect: FTFTFTFTFTFTFTFF
# expect: FTFTFTFTFTFTFTFF
# expect: FTFTFTFTFTFTFTFF
# expect: FTFTFTFTFTFTFTFF
# expect: FTFTFTFTFTFTFTFF
# expect: FTFTFTFTFTFTFTFF
# expect: FTFTFTFTFTFTFTFF
# expect: FTFTFTFTFTFTFTFF
# expect: FTFTFTFTFTFTFTFF

# and / or as values, conditional expressions, assert, comprehension filters
def mix(a, b):
    return (a and b, a or b, "y" if a else "n", [x for x in (a, b) if x])

for i in range(120):
    mix(i, [])
print(mix(0, "b"), mix([1], None), mix("", ()))
# expect: (0, 'b', 'n', ['b']) (None, [1], 'y', [[1]]) ('', (), 'n', [])

def check(x):
    assert x, "falsy"
    return True

for i in range(120):
    check(i + 1)
try:
    check([])
except AssertionError as e:
    print(e)
# expect: falsy

# a __bool__ that raises
class Boom:
    def __bool__(self):
        raise KeyError("boom")

try:
    truth(Boom())
except KeyError as e:
    print(repr(e))
# expect: KeyError('boom')
