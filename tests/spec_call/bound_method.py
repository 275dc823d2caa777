# CALL_BOUND_METHOD_EXACT_ARGS and methods through LOAD_METHOD at a warmed site.
class C:
    def __init__(self, k):
        self.k = k
    def f(self, x):
        return x + self.k

def call1(m, x):
    return m(x)

c = C(5)
m = c.f
t = 0
for i in range(300):
    t += call1(m, i)
print(t)
# expect: 46350

# a bound method of another function, another instance
class D:
    def g(self, x):
        return x * 2
print(call1(D().g, 21), call1(C(1).f, 1))
# expect: 42 2

# wrong count through a bound method
class E:
    def h(self):
        return 0
try:
    call1(E().h, 1)
except TypeError as e:
    print(e)
# expect: E.h() takes 1 positional argument but 2 were given

# obj.f(x) in a loop (LOAD_METHOD pushes function + self), then the method
# replaced on the class
def use(o, n):
    s = 0
    for i in range(n):
        s += o.f(i)
    return s
print(use(c, 200))
# expect: 20900
C.f = lambda self, x: x - self.k
print(use(c, 200))
# expect: 18900
def f3(self, x, y):
    return 0
C.f = f3
try:
    use(c, 1)
except TypeError as e:
    print(e)
# expect: f3() missing 1 required positional argument: 'y'

# an instance attribute shadows the method: the site gets a plain function
c.f = lambda x: 1000
print(use(c, 3))
# expect: 3000
del c.f
C.f = lambda self, x: x
print(use(c, 4))
# expect: 6

# a staticmethod / classmethod at the same site
class S:
    @staticmethod
    def f(x):
        return -x
    @classmethod
    def g(cls, x):
        return cls.__name__ + str(x)
print(use(S(), 4))
# expect: -6
print(call1(S.g, 3), call1(S().g, 4))
# expect: S3 S4
