# STORE_ATTR_SLOT: a __slots__ member written at a cached offset; misses:
# another class, a subclass, the member replaced by a property, a name that
# is not a slot.
class A:
    __slots__ = ("a", "b")

class B:
    __slots__ = ("b",)

class C(A):
    __slots__ = ("c",)

def set_b(o, v):
    o.b = v

objs = [A() for i in range(5)]
for i in range(300):
    set_b(objs[i % 5], i)
print([o.b for o in objs])
# expect: [295, 296, 297, 298, 299]
b, c = B(), C()
set_b(b, "B")
set_b(c, "C")
print(b.b, c.b)
# expect: B C

log = []
saved = A.b
A.b = property(lambda self: "get", lambda self, v: log.append(v))
set_b(objs[0], "setter")
print(log, objs[0].b)
# expect: ['setter'] get
A.b = saved
print(objs[0].b)
# expect: 295

class N:
    __slots__ = ("x",)
try:
    set_b(N(), 1)
except AttributeError as e:
    print(e)
# expect: 'N' object has no attribute 'b'

# overwritten values are released
class Tracked:
    def __init__(self, k):
        self.k = k
    def __del__(self):
        print("del", self.k)
a = A()
for i in range(100):
    set_b(a, i)
set_b(a, Tracked(1))
set_b(a, 0)
# expect: del 1
print("end")
# expect: end
