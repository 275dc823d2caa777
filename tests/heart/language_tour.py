# closures, classes, exceptions
def outer():
    x = 10
    def inner(y):
        return x + y
    return inner
print(outer()(5))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c(); c()
print(c())
class A:
    z = 3
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v + self.z
    def __repr__(self):
        return "A(%r)" % self.v
a = A(4)
print(a.get(), a)
class B(A):
    def get(self):
        return super().get() * 2
print(B(1).get())
try:
    1/0
except ZeroDivisionError as e:
    print("caught", e)
finally:
    print("finally")
def g():
    try:
        return 1
    finally:
        print("in finally")
print(g())
for i in range(10):
    if i == 2: continue
    if i == 5: break
    print(i)
else:
    print("no")
print([x*x for x in range(5) if x % 2 == 0])
print({k: v for k, v in zip("abc", range(3))})
print({x % 3 for x in range(10)})
print(list(x for x in range(4)))
def gen(n):
    for i in range(n):
        yield i * 10
print(list(gen(3)))
a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
print(f"{a} and {b!r:>20} {3.14159:.2f}")
with open("/dev/null") as fh:
    print(repr(fh.readline()))
lam = lambda x, *args, k=2, **kw: (x, args, k, kw)
print(lam(1, 2, 3, k=4, z=5))
print(1 < 2 < 3, 1 < 3 < 2, 2 if 0 else 3, 0 or 5, 4 and 0)
d = {}
d['x'] = 1
d['x'] += 5
print(d)
del d['x']
print(d)
s = "hello"
print(s[1:3], s[::-1])
import math
print(math.sqrt(16))
from math import pi as PI
print(PI)
x = 5
assert x == 5
try:
    assert x == 6, "nope"
except AssertionError as e:
    print("AE", e)
def kw(a, b, /, c, *, d):
    return a, b, c, d
print(kw(1, 2, c=3, d=4))
print(*[1,2,3], sep="-")
def yf():
    r = yield from gen(2)
    yield 'done'
print(list(yf()))
# expect: 15
# expect: 3
# expect: 7 A(4)
# expect: 8
# expect: caught division by zero
# expect: finally
# expect: in finally
# expect: 1
# expect: 0
# expect: 1
# expect: 3
# expect: 4
# expect: [0, 4, 16]
# expect: {'a': 0, 'b': 1, 'c': 2}
# expect: {0, 1, 2}
# expect: [0, 1, 2, 3]
# expect: [0, 10, 20]
# expect: 1 [2, 3, 4] 5
# expect: 1 and            [2, 3, 4] 3.14
# expect: ''
# expect: (1, (2, 3), 4, {'z': 5})
# expect: True False 3 5 0
# expect: {'x': 6}
# expect: {}
# expect: el olleh
# expect: 4.0
# expect: 3.141592653589793
# expect: AE nope
# expect: (1, 2, 3, 4)
# expect: 1-2-3
# expect: [0, 10, 'done']
