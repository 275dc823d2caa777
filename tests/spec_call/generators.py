# CALL_PY_GENERATOR: a warmed site creating generators, then other callees and wrong counts.
def count(n, step=1):
    i = 0
    while i < n:
        yield i
        i += step

def make(f, x):
    return f(x)

t = 0
for i in range(200):
    t += sum(make(count, i % 10))
print(t)
# expect: 2400

# a plain function and a generator with another code at the warmed site
def plain(n):
    return [n]
def pairs(n):
    yield (n, n)
print(make(plain, 3), list(make(pairs, 2)))
# expect: [3] [(2, 2)]

# wrong argument counts: raised at the call, as CPython
def none():
    yield 1
try:
    make(none, 1)
except TypeError as e:
    print(e)
# expect: none() takes 0 positional arguments but 1 was given
def two(a, b):
    yield a
try:
    make(two, 1)
except TypeError as e:
    print(e)
# expect: two() missing 1 required positional argument: 'b'

# closures, and a generator raising inside (the traceback goes through next())
def outer(k):
    def g(n):
        yield n * k
        raise ValueError("inside")
    return g
g = outer(3)
it = make(g, 2)
print(next(it))
# expect: 6
try:
    next(it)
except ValueError as e:
    print(e)
# expect: inside

# generator expressions and nested generator calls in a hot loop
def chain(n):
    yield from count(n)
    yield from (x * 10 for x in count(n))
print(sum(sum(chain(i)) for i in range(100)))
# expect: 1778700
