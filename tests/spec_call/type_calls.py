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
