# CALL_LEN, CALL_ISINSTANCE, CALL_BUILTIN_*: warmed sites, then misses.
def lens(xs):
    t = 0
    for x in xs:
        t += len(x)
    return t

class L:
    def __len__(self):
        return 4

data = [[1, 2], "abc", (1,), {1: 2, 3: 4}, {5}, frozenset((1, 2)), range(7), L()] * 40
print(lens(data))
# expect: 880

try:
    lens([[1], 5])
except TypeError as e:
    print(e)
# expect: object of type 'int' has no len()

class Bad:
    def __len__(self):
        return -1
try:
    lens([Bad()])
except ValueError as e:
    print(e)
# expect: __len__() should return >= 0

# len shadowed by a global, then the global removed
def len(x):
    return 100
print(lens([[1], [2]]))
# expect: 200
del len
print(lens([[1], [2]]))
# expect: 2

# wrong argument count
def len2(a, b):
    return len(a, b)
try:
    len2([], [])
except TypeError as e:
    print(e)
# expect: len() takes exactly one argument (2 given)

# isinstance with a type, a tuple, a subclass, an ABC-like __instancecheck__
class A: pass
class B(A): pass
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 3
class Any(metaclass=Meta): pass

def count(xs, t):
    n = 0
    for x in xs:
        if isinstance(x, t):
            n += 1
    return n
objs = [1, "s", A(), B(), 2.0, True, None] * 30
print(count(objs, int), count(objs, A), count(objs, (str, float)), count(objs, B))
# expect: 60 60 60 30
print(count([1, 2, 3, 3], Any))
# expect: 2
try:
    count([1], 5)
except TypeError as e:
    print(e)
# expect: isinstance() arg 2 must be a type, a tuple of types, or a union

# isinstance shadowed by a global after warm-up, then restored
def isinstance(x, t):
    return True
print(count(objs, int))
# expect: 210
del isinstance
print(count(objs, int))
# expect: 60

# other builtins at one site: abs, min, max, then a Python function
def app(f, xs):
    return [f(x) for x in xs]
print(sum(app(abs, range(-100, 100))))
# expect: 10000
print(app(abs, [-2.5]), app(hex, [255]))
# expect: [2.5] ['0xff']
def mm(xs):
    r = []
    for i in range(len(xs)):
        r.append(min(xs[i], 5) + max(xs[i], 3))
    return r
print(sum(mm(list(range(100)))))
# expect: 5441
try:
    abs("x")
except TypeError as e:
    print(e)
# expect: bad operand type for abs(): 'str'
print(app(lambda x: x + 1, [1]))
# expect: [2]
try:
    app(abs, [1, 2, None])
except TypeError as e:
    print(e)
# expect: bad operand type for abs(): 'NoneType'
