# CALL_PY_GENERAL and CALL_BOUND_METHOD_GENERAL: warmed sites that bind defaults, *args, kw-only.
def dflt(a, b=10, *, c=100):
    return a + b + c

def star(a, *rest):
    return a + len(rest)

def call1(f, x):
    return f(x)

t = 0
for i in range(300):
    t += call1(dflt, i)
print(t)
# expect: 77850

t = 0
for i in range(300):
    t += call1(star, i)
print(t)
# expect: 44850

# the warmed site now sees another function, then a wrong count
def other(a, b=1):
    return a - b
print(call1(other, 5))
# expect: 4
def none():
    return 0
try:
    call1(none, 1)
except TypeError as e:
    print(e)
# expect: none() takes 0 positional arguments but 1 was given
def two(a, b):
    return 0
try:
    call1(two, 1)
except TypeError as e:
    print(e)
# expect: two() missing 1 required positional argument: 'b'

# defaults replaced after warm-up are seen (they are read at each call)
for i in range(200):
    call1(dflt, 0)
dflt.__defaults__ = (20,)
print(call1(dflt, 1))
# expect: 121
dflt.__kwdefaults__ = {"c": 0}
print(call1(dflt, 1))
# expect: 21

# bound methods with defaults
class C:
    def m(self, x, y=2):
        return x * y
bm = C().m
t = 0
for i in range(300):
    t += call1(bm, i)
print(t)
# expect: 89700
print(call1(C().m, 7))
# expect: 14
class D:
    def m(self):
        return 0
try:
    call1(D().m, 1)
except TypeError as e:
    print(e)
# expect: D.m() takes 1 positional argument but 2 were given
