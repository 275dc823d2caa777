# CALL_TYPE_1, CALL_STR_1, CALL_TUPLE_1 and CALL_BUILTIN_FAST: warmed sites, then other callables.
def app(f, xs):
    return [f(x) for x in xs]

vals = [1, "a", 2.5, None, [1], (2,), {3: 4}] * 30
names = [t.__name__ for t in app(type, vals)]
print(names[:7], len(names))
# expect: ['int', 'str', 'float', 'NoneType', 'list', 'tuple', 'dict'] 210

class S:
    def __str__(self):
        return "S!"
class Bad:
    def __str__(self):
        return 5
strs = app(str, vals + [S()])
print(strs[:7], strs[-1])
# expect: ['1', 'a', '2.5', 'None', '[1]', '(2,)', '{3: 4}'] S!
try:
    app(str, [Bad()])
except TypeError as e:
    print(e)
# expect: __str__ returned non-string (type int)

tups = app(tuple, [[1, 2], (3,), "ab", range(2), {5: 6}] * 40)
print(tups[:5], len(tups))
# expect: [(1, 2), (3,), ('a', 'b'), (0, 1), (5,)] 200
t = (1, 2)
print(app(tuple, [t])[0] is t)
# expect: True
try:
    app(tuple, [5])
except TypeError as e:
    print(e)
# expect: 'int' object is not iterable

# the same sites with other callables: a class, a builtin, a lambda
print(app(int, ["7"]), app(list, ["ab"]), app(repr, ["x"]), app(lambda v: v, [0]))
# expect: [7] [['a', 'b']] ["'x'"] [0]

# a subclass of str at the site: a new object of the subclass
class MyStr(str):
    pass
r = app(MyStr, [12])[0]
print(type(r).__name__, r)
# expect: MyStr 12

# builtins with two arguments at a warmed site, then errors
def pairs(f, xs):
    return [f(a, b) for a, b in xs]
print(sum(pairs(max, [(i, 100 - i) for i in range(200)])))
# expect: 22450
print(pairs(divmod, [(7, 2)]), pairs(pow, [(2, 10)]))
# expect: [(3, 1)] [1024]
try:
    pairs(divmod, [(1, 0)])
except ZeroDivisionError as e:
    print(e)
# expect: integer division or modulo by zero

# CALL_BUILTIN_CLASS: other builtin classes at warmed sites
def conv(xs):
    return [int(x) + float(x) for x in xs]
print(sum(conv(["1", "2", 3.5] * 100)))
# expect: 1250.0
try:
    conv(["x"])
except ValueError as e:
    print(e)
# expect: invalid literal for int() with base 10: 'x'
def mk(n):
    return [range(i) for i in range(n)] + [object() is not None, ValueError("v").args]
print(mk(200)[-3:])
# expect: [range(0, 199), True, ('v',)]

# zero-argument super() through a warmed site
class Base:
    def get(self):
        return 1
class Derived(Base):
    def get(self):
        return super().get() + 1
d = Derived()
print(sum(d.get() for i in range(200)))
# expect: 400

# a class at the site that is not builtin, then a builtin again
def make1(cls, x):
    return cls(x)
for i in range(200):
    make1(int, i)
class MyInt(int):
    pass
print(type(make1(MyInt, 3)).__name__, make1(int, "7"), make1(list, "ab"))
# expect: MyInt 7 ['a', 'b']
