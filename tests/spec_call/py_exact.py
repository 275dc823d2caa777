# CALL_PY_EXACT_ARGS: a warmed-up call site, then other callees at the same site.
def add(a, b):
    return a + b

def sub(a, b):
    return a - b

def three(a, b, c):
    return a + b + c

def dflt(a, b=10):
    return a * b

def call2(f, x, y):
    return f(x, y)

total = 0
for i in range(300):
    total += call2(add, i, 1)
print(total)
# expect: 45150

# another function of the same shape at the warmed site
print(call2(sub, 10, 3))
# expect: 7

# a function with a default, called with both arguments (exact) and the site
# then flipping between functions many times
t = 0
for i in range(200):
    t += call2(add if i % 2 else dflt, i, 2)
print(t)
# expect: 30000

# wrong argument count at a specialized site: CPython's message
try:
    call2(three, 1, 2)
except TypeError as e:
    print(e)
# expect: three() missing 1 required positional argument: 'c'

def one(a):
    return a
try:
    call2(one, 1, 2)
except TypeError as e:
    print(e)
# expect: one() takes 1 positional argument but 2 were given

# defaults used when fewer arguments come
def call1(f, x):
    return f(x)
for i in range(200):
    call1(one, i)
print(call1(dflt, 4))
# expect: 40

# closures and cells through the fast form
def make(k):
    def inner(x):
        return x * k
    return inner
def cellarg(x):
    def get():
        return x
    return get()
t = 0
for i in range(200):
    t += call1(make(3), i) + call1(cellarg, i)
print(t)
# expect: 79600

# a generator function at a warmed site gets a generator
def gen(n):
    yield n
    yield n + 1
print(list(call1(gen, 5)))
# expect: [5, 6]

# a builtin and a class at the same site
print(call1(len, [1, 2, 3]), call1(str, 42))
# expect: 3 42

# keyword-only parameters are not exact: still bound correctly
def kwo(a, *, b=7):
    return a + b
print(call1(kwo, 1))
# expect: 8

# varargs
def va(*args):
    return args
print(call1(va, 9))
# expect: (9,)
