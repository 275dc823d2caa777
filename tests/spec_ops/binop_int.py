# BINARY_OP on small ints (ADD/SUBTRACT/MULTIPLY_INT), specialized and missed:
# overflow past the tagged range, floats, big ints and other types at the
# same site after warm-up, in-place forms.
def add(a, b): return a + b
def sub(a, b): return a - b
def mul(a, b): return a * b
def iadd(a, b):
    a += b
    return a
def isub(a, b):
    a -= b
    return a
def imul(a, b):
    a *= b
    return a

fs = [add, sub, mul, iadd, isub, imul]
for f in fs:
    s = 0
    for i in range(200):
        s = (s * 31 + f(i, 7 - i)) % 1000003
    print(f.__name__, s)
# expect: add 959224
# expect: sub 116568
# expect: mul 659502
# expect: iadd 959224
# expect: isub 116568
# expect: imul 659502

big = 2 ** 62
for f in fs:
    print(f(big - 1, 1), f(-big, -1), f(big // 2, 4), f(2 ** 40, 2 ** 40))
# expect: 4611686018427387904 -4611686018427387905 2305843009213693956 2199023255552
# expect: 4611686018427387902 -4611686018427387903 2305843009213693948 0
# expect: 4611686018427387903 4611686018427387904 9223372036854775808 1208925819614629174706176
# expect: 4611686018427387904 -4611686018427387905 2305843009213693956 2199023255552
# expect: 4611686018427387902 -4611686018427387903 2305843009213693948 0
# expect: 4611686018427387903 4611686018427387904 9223372036854775808 1208925819614629174706176

# Results that leave the small range, then come back, in one warm loop.
x = 1
seen = []
for i in range(130):
    x = x * 3
    if i % 40 == 39:
        seen.append(x % 1000003)
print(seen)
# expect: [970294, 622035, 17625]
acc = 0
for i in range(300):
    acc = acc + (2 ** 61)
    acc = acc - (2 ** 61 - 1)
print(acc)
# expect: 300

# The same sites, now with floats, bools, strings, lists and big ints.
print(add(1.5, 2), sub(3, 0.5), mul(2.5, 2.0), iadd(True, True), isub(True, 2))
# expect: 3.5 2.5 5.0 2 -1
print(add("a", "b"), mul("ab", 3), iadd([1], [2]), imul((0,), 2))
# expect: ab ababab [1, 2] (0, 0)
print(add(big * big, 1), sub(-big * 4, big), mul(big, big))
# expect: 21267647932558653966460912964485513217 -23058430092136939520 21267647932558653966460912964485513216
try:
    add(1, "x")
except TypeError as e:
    print(e)
# expect: unsupported operand type(s) for +: 'int' and 'str'
try:
    isub(1, None)
except TypeError as e:
    print(e)
# expect: unsupported operand type(s) for -=: 'int' and 'NoneType'
try:
    mul([1], [2])
except TypeError as e:
    print(e)
# expect: can't multiply sequence by non-int of type 'list'

# Back to ints: re-specializes and stays correct.
print(sum(add(i, i) for i in range(200)), sum(mul(i, -i) for i in range(200)))
# expect: 39800 -2646700

# int subclasses are not small ints: their own __add__ runs.
class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"
print(add(MyInt(1), 2), add(2, MyInt(1)))
# expect: MyInt.__add__ 3
