def f(a, b): pass
for call in [lambda: f(1,2,3), lambda: f(), lambda: f(1, c=2), lambda: f(1, a=2)]:
    try:
        call()
    except TypeError as e:
        print(e)
def h(a, /, b, *, c): pass
for call in [lambda: h(a=1, b=2, c=3), lambda: h(1, 2, 3, c=3), lambda: h(), lambda: h(1,2)]:
    try:
        call()
    except TypeError as e:
        print(e)
try:
    a, b = 1
except TypeError as e: print(e)
try:
    a, b = [1, 2, 3]
except ValueError as e: print(e)
try:
    a, b, c = [1, 2]
except ValueError as e: print(e)
try:
    print(undefined_name)
except NameError as e: print(e)
def ul():
    print(zz)
    zz = 1
try: ul()
except UnboundLocalError as e: print(e)
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise KeyError("outer")
except KeyError as e:
    print(repr(e), repr(e.__context__))
try:
    try:
        raise ValueError("inner")
    except ValueError as v:
        raise KeyError("outer") from v
except KeyError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    try:
        raise ValueError("x")
    except ValueError:
        raise
except ValueError as e:
    print("reraised", e)
class CM:
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, t, v, tb):
        print("exit", t, v)
        return True
with CM() as cm:
    raise RuntimeError("boom")
print("after with")
with CM(), CM():
    print("body")
def g():
    x = yield 1
    print("got", x)
    try:
        yield 2
    except KeyError:
        yield 'caught'
    finally:
        print("gen finally")
gg = g()
print(next(gg))
print(gg.send('hi'))
print(gg.throw(KeyError))
gg.close()
def g2():
    yield 1
    return 5
def g3():
    v = yield from g2()
    print("v", v)
print(list(g3()))
def g4():
    raise StopIteration
    yield
try:
    next(g4())
except RuntimeError as e:
    print("RE", e)
it = iter([1,2])
print(next(it), next(it))
print(repr(g2())[:25])
class P:
    def m(self): pass
print(repr(P().m)[:22], P.m.__qualname__)
def deco(fn):
    def w(*a, **k):
        return fn(*a, **k) + 1
    return w
@deco
def five(): return 4
print(five())
class Meta(type):
    def __new__(m, name, bases, ns):
        ns['added'] = 42
        return super().__new__(m, name, bases, ns)
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.added)
x = 0
def gl():
    global x
    x = 7
gl()
print(x)
print([(i, j) for i in range(3) for j in range(i)])
def rec(n): return 0 if n == 0 else 1 + rec(n - 1)
print(rec(500))
try:
    rec(5000)
except RecursionError as e:
    print("RecursionError", e)
print((lambda: (yield))().__class__.__name__)
def fe(): 
    try:
        return "try"
    finally:
        return "finally"
print(fe())
def loopfin():
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: break
        finally:
            print("fin", i)
loopfin()
t = (1, 2)
t += (3,)
print(t)
class Q:
    def __init__(self): self.l = [1]
q = Q()
q.l += [2]
q.l[0] += 10
print(q.l)
print(f"{'x'!r} {1+1=}")
# expect: f() takes 2 positional arguments but 3 were given
# expect: f() missing 2 required positional arguments: 'a' and 'b'
# expect: f() got an unexpected keyword argument 'c'
# expect: f() got multiple values for argument 'a'
# expect: h() got some positional-only arguments passed as keyword arguments: 'a'
# expect: h() takes 2 positional arguments but 3 positional arguments (and 1 keyword-only argument) were given
# expect: h() missing 2 required positional arguments: 'a' and 'b'
# expect: h() missing 1 required keyword-only argument: 'c'
# expect: cannot unpack non-iterable int object
# expect: too many values to unpack (expected 2)
# expect: not enough values to unpack (expected 3, got 2)
# expect: name 'undefined_name' is not defined
# expect: cannot access local variable 'zz' where it is not associated with a value
# expect: KeyError('outer') ValueError('inner')
# expect: ValueError('inner') True
# expect: reraised x
# expect: enter
# expect: exit <class 'RuntimeError'> boom
# expect: after with
# expect: enter
# expect: enter
# expect: body
# expect: exit None None
# expect: exit None None
# expect: 1
# expect: got hi
# expect: 2
# expect: caught
# expect: gen finally
# expect: v 5
# expect: [1]
# expect: RE generator raised StopIteration
# expect: 1 2
# expect: <generator object g2 at 0
# expect: <bound method P.m of < P.m
# expect: 5
# expect: 42
# expect: 7
# expect: [(1, 0), (2, 0), (2, 1)]
# expect: 500
# expect: RecursionError maximum recursion depth exceeded
# expect: generator
# expect: finally
# expect: fin 0
# expect: fin 1
# expect: fin 2
# expect: (1, 2, 3)
# expect: [11, 2]
# expect: 'x' 1+1=2
