# LOAD_METHOD_WITH_VALUES: obj.m() on an instance with a __dict__ pushes
# the class's function without a bound method; misses: the instance dict
# shadows the name, the method replaced or deleted on the class, a base
# changed, another type at the same site, __getattr__ added later.
class A:
    def __init__(self, v):
        self.v = v
    def m(self, k):
        return self.v + k

class B(A):
    pass

def call_m(o):
    return o.m(1)

print(sum(call_m(A(i)) for i in range(200)))
# expect: 20100
print(call_m(B(10)))
# expect: 11

a = A(5)
a.m = lambda k: "shadowed %d" % k
print(call_m(a), call_m(A(5)))
# expect: shadowed 1 6
del a.m
print(call_m(a))
# expect: 6

A.m = lambda self, k: "replaced"
print(call_m(a), call_m(B(0)))
# expect: replaced replaced
del A.m
try:
    call_m(a)
except AttributeError as e:
    print(e)
# expect: 'A' object has no attribute 'm'
A.__getattr__ = lambda self, name: (lambda k: "getattr %s %d" % (name, k))
print(call_m(a))
# expect: getattr m 1
del A.__getattr__

# an object whose dict was never created
class E:
    def m(self, k):
        return "empty %d" % k
for i in range(100):
    v = call_m(E())
print(v)
# expect: empty 1

# a method that is a builtin descriptor, and a staticmethod
class L(list):
    pass
def app(o):
    o.append(1)
    return o
x = L()
for i in range(100):
    app(x)
print(len(x))
# expect: 100
class S:
    @staticmethod
    def m(k):
        return "static %d" % k
for i in range(100):
    v = call_m(S())
print(v)
# expect: static 1
