# CALL_ALLOC_AND_ENTER_INIT: class instantiation with a Python __init__.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def make(cls, n):
    r = []
    for i in range(n):
        r.append(cls(i, i + 1))
    return r

ps = make(P, 300)
print(len(ps), ps[-1].x, ps[-1].y, type(ps[0]).__name__)
# expect: 300 299 300 P

# another class at the warmed site
class Q:
    def __init__(self, a, b):
        self.s = a + b
print(make(Q, 3)[-1].s)
# expect: 5

# __init__ replaced on the class after warm-up
def init2(self, x, y):
    self.x = -x
    self.y = -y
P.__init__ = init2
print(make(P, 5)[-1].x)
# expect: -4

# __init__ raising
class R:
    def __init__(self, a, b):
        if a == 150:
            raise ValueError("bad " + str(a))
        self.a = a
try:
    make(R, 300)
except ValueError as e:
    print(e)
# expect: bad 150

# __init__ returning non-None
class N:
    def __init__(self, a, b):
        if a == 160:
            return 7
try:
    make(N, 300)
except TypeError as e:
    print(e)
# expect: __init__() should return None, not 'int'

# wrong argument count to __init__
class W:
    def __init__(self, a):
        self.a = a
try:
    make(W, 1)
except TypeError as e:
    print(e)
# expect: W.__init__() takes 2 positional arguments but 3 were given

# __new__ added later: must be called
class M:
    def __init__(self, a, b):
        self.a = a
make(M, 200)
def new(cls, a, b):
    o = object.__new__(cls)
    o.tag = "new"
    return o
M.__new__ = new
m = make(M, 2)[-1]
print(m.tag, m.a)
# expect: new 1

# a subclass inherits __init__; the base's __init__ replaced later
class Base:
    def __init__(self, a, b):
        self.v = a * b
class Sub(Base):
    pass
print(make(Sub, 200)[-1].v)
# expect: 39800
def init3(self, a, b):
    self.v = "changed"
Base.__init__ = init3
print(make(Sub, 2)[-1].v)
# expect: changed

# __init__ with defaults and a class without __init__
class Dft:
    def __init__(self, a, b, c=3):
        self.t = a + b + c
print(make(Dft, 200)[-1].t)
# expect: 402
class NoInit:
    pass
try:
    make(NoInit, 1)
except TypeError as e:
    print(e)
# expect: NoInit() takes no arguments

# builtin types at the same site
print(make(range, 2), make(slice, 1))
# expect: [range(0, 1), range(1, 2)] [slice(0, 1, None)]

# a generator __init__? not allowed; a metaclass with __call__
class Meta(type):
    def __call__(cls, *a):
        return "meta"
class X(metaclass=Meta):
    def __init__(self, a, b):
        pass
print(make(X, 2))
# expect: ['meta', 'meta']

# __init__ replaced by a callable object that is not a function
class Q2:
    def __init__(self, a, b):
        self.a = a
make(Q2, 200)
class Caller:
    def __call__(self, *args):
        print("called with", len(args))
Q2.__init__ = Caller()
print(type(make(Q2, 1)[0]).__name__)
# expect: called with 2
# expect: Q2
Q2.__init__ = lambda self, a, b: setattr(self, "a", b)
print(make(Q2, 200)[-1].a)
# expect: 200

# recursion through __init__ still raises RecursionError
class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1)
try:
    Deep(0)
except RecursionError as e:
    print("RecursionError")
# expect: RecursionError
print(P(1, 2).x)
# expect: -1
