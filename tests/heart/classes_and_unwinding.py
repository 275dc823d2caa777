class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subs.append((cls.__name__, tag))
class D1(Base, tag="one"): pass
class D2(Base): pass
print(Base.subs)
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name)
        return {'injected': 1}
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, dict(ns))
class UsesPrep(metaclass=OrderedMeta):
    x = 1
print(UsesPrep.injected, UsesPrep.x, type(UsesPrep).__name__)
class P:
    @classmethod
    def make(cls): return super().__repr__ is not None
    def __init__(self): self.v = 1
class Q(P):
    def __init__(self):
        super().__init__()
        self.w = 2
    @classmethod
    def make(cls): return ("Q", super().make())
q = Q(); print(q.v, q.w, Q.make())
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
fs2 = [lambda: i for i in range(3)]
print([f() for f in fs2])
def a():
    x = 1
    def b():
        def c():
            nonlocal x
            x += 10
            return x
        return c()
    return b(), x
print(a())
def gw():
    for i in range(5):
        try:
            if i == 3: break
            yield i
        finally:
            print("f", i)
print(list(gw()))
class CM:
    def __init__(self, n): self.n = n
    def __enter__(self): print("enter", self.n); return self.n
    def __exit__(self, *a): print("exit", self.n, a[0])
def rw():
    for i in range(3):
        with CM(i) as v:
            if v == 1:
                return "returned %d" % v
print(rw())
def cont_with():
    for i in range(3):
        with CM(i):
            continue
    return "done"
print(cont_with())
def nested_try():
    try:
        try:
            raise KeyError("a")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
    try:
        raise ValueError
    except ValueError:
        try:
            raise TypeError
        except TypeError:
            pass
        import sys
        print("exc_info", sys.exc_info()[0].__name__)
nested_try()
def dec_factory(tag):
    def d(cls):
        cls.tag = tag
        return cls
    return d
@dec_factory("T")
class Tagged: pass
print(Tagged.tag)
class Slots:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
s = Slots(); print(s.a)
print(Q.__mro__[1].__name__, Q.__qualname__, Q.make.__qualname__)
def method_in_func():
    class Local:
        def m(self): return __class__.__qualname__
    return Local().m()
print(method_in_func())
class WithDoc:
    "the doc"
    def f(self):
        "fdoc"
print(WithDoc.__doc__, WithDoc.f.__doc__, WithDoc.__module__)
def kwonly_default(a, *, b=[]):
    b.append(a); return b
print(kwonly_default(1), kwonly_default(2))
x = 10
class Shadow:
    x = x + 1
    y = [x for _ in range(2)]
print(Shadow.x, Shadow.y)
# expect: [('D1', 'one'), ('D2', None)]
# expect: prepare UsesPrep
# expect: 1 1 OrderedMeta
# expect: 1 2 ('Q', True)
# expect: [0, 1, 2]
# expect: [2, 2, 2]
# expect: (11, 11)
# expect: f 0
# expect: f 1
# expect: f 2
# expect: f 3
# expect: [0, 1, 2]
# expect: enter 0
# expect: exit 0 None
# expect: enter 1
# expect: exit 1 None
# expect: returned 1
# expect: enter 0
# expect: exit 0 None
# expect: enter 1
# expect: exit 1 None
# expect: enter 2
# expect: exit 2 None
# expect: done
# expect: inner finally
# expect: outer caught 'a'
# expect: exc_info ValueError
# expect: T
# expect: 1
# expect: P Q Q.make
# expect: method_in_func.<locals>.Local
# expect: the doc fdoc __main__
# expect: [1, 2] [1, 2]
# expect: 11 [10, 10]
