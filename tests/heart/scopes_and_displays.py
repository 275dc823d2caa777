class A:
    x = 1
    def f(self): return __class__
    @classmethod
    def cm(cls): return cls.__name__
    @staticmethod
    def sm(a): return a * 2
    @property
    def p(self): return 99
print(A().f() is A, A.cm(), A.sm(4), A().p)
def outer():
    v = 5
    class In:
        w = v + 1
        def m(self): return v
    return In
I = outer()
print(I.w, I().m())
class C:
    vals = [1, 2, 3]
    doubled = [x * 2 for x in vals]
print(C.doubled)
if (n := 10) > 5:
    print("walrus", n)
print([y := 5, y ** 2])
def star(*a, **k): return a, k
args = [1, 2]; kw = {'x': 1}
print(star(*args, 3, *args, **kw, y=2))
try:
    star(**{'a': 1}, **{'a': 2})
except TypeError as e: print(e)
try:
    star(*1)
except TypeError as e: print(e)
try:
    star(**1)
except TypeError as e: print(e)
def kwo(*, a, b=2): return a, b
print(kwo(a=1))
try: kwo(1)
except TypeError as e: print(e)
x = y = z = 3
print(x, y, z)
(a, b), c = (1, 2), 3
print(a, b, c)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
del x
try: x
except NameError as e: print(e)
try:
    pass
except:
    pass
else:
    print("else ran")
finally:
    print("finally ran")
def tef():
    try:
        raise ValueError
    except ValueError:
        return "from except"
    finally:
        print("fin")
print(tef())
try:
    raise TypeError("t")
except (ValueError, TypeError) as e:
    print("tuple catch", e)
try:
    e
except NameError as ex: print(ex)
class MyErr(Exception): pass
try:
    raise MyErr("mine")
except Exception as e:
    print(type(e).__name__, e)
print(isinstance(A(), A), A.__name__, A.__qualname__, A.f.__qualname__)
def outerq():
    def innerq(): pass
    return innerq
print(outerq().__qualname__, outerq.__name__)
print(repr(outerq)[:22])
g = (i for i in range(3))
print(next(g), list(g))
print(sum(x for x in range(10)))
print(sorted([3, 1, 2], key=lambda v: -v))
print(dict(a=1, **{'b': 2}))
s = {1, 2, *[3, 4]}
print(sorted(s), [*range(3), *"ab"], (*[1], 2))
print({**{'a': 1}, 'b': 2, **{'c': 3}})
i = 10
i -= 3; i *= 2; i //= 3; i %= 3; i **= 3; i <<= 2; i >>= 1; i |= 8; i &= 12; i ^= 5
print(i)
f = 1.5; f /= 2; print(f)
print(-5 // 2, -5 % 3, 7 // -2, 2 ** 100, -(2**62))
print(not 1, ~5, +3, -(-3))
print(1 if [] else 2, "a" in "abc", 3 not in [1, 2], None is None)
print(f"{3:>{5}}|{'s':<3}|{10:x}")
# expect: True A 8 99
# expect: 6 5
# expect: [2, 4, 6]
# expect: walrus 10
# expect: [5, 25]
# expect: ((1, 2, 3, 1, 2), {'x': 1, 'y': 2})
# expect: __main__.star() got multiple values for keyword argument 'a'
# expect: __main__.star() argument after * must be an iterable, not int
# expect: __main__.star() argument after ** must be a mapping, not int
# expect: (1, 2)
# expect: kwo() takes 0 positional arguments but 1 was given
# expect: 3 3 3
# expect: 1 2 3
# expect: 0 1 2
# expect: 1 3 4
# expect: name 'x' is not defined
# expect: else ran
# expect: finally ran
# expect: fin
# expect: from except
# expect: tuple catch t
# expect: name 'e' is not defined
# expect: MyErr mine
# expect: True A A A.f
# expect: outerq.<locals>.innerq outerq
# expect: <function outerq at 0x
# expect: 0 [1, 2]
# expect: 45
# expect: [3, 2, 1]
# expect: {'a': 1, 'b': 2}
# expect: [1, 2, 3, 4] [0, 1, 2, 'a', 'b'] (1, 2)
# expect: {'a': 1, 'b': 2, 'c': 3}
# expect: 13
# expect: 0.75
# expect: -3 1 -4 1267650600228229401496703205376 -4611686018427387904
# expect: False -6 3 3
# expect: 2 True True True
# expect:     3|s  |a
