# LOAD_ATTR_SLOT: a __slots__ member read at a cached offset; misses: an
# unset slot, another class with the same slot name at another offset, a
# subclass, the member replaced on the class after warm-up.
class A:
    __slots__ = ("a", "b")
    def __init__(self, a, b):
        self.a = a
        self.b = b

class B:
    __slots__ = ("x", "b")
    def __init__(self, b):
        self.x = 0
        self.b = b

class C(A):
    __slots__ = ("c",)

def get_b(o):
    return o.b

objs = [A(i, i + 1) for i in range(150)]
print(sum(get_b(o) for o in objs))
# expect: 11325
print(get_b(B("other offset")), get_b(A(0, "again")))
# expect: other offset again

c = C(1, "sub")
print(get_b(c))
# expect: sub

# an unset slot raises the generic error
a = A(1, 2)
del a.b
try:
    get_b(a)
except AttributeError as e:
    print(e)
# expect: 'A' object has no attribute 'b'
a.b = 3
print(get_b(a))
# expect: 3

# the member replaced by a class attribute (a plain value: the slot is gone)
for i in range(100):
    get_b(objs[i])
saved = A.b
A.b = "class value"
print(get_b(objs[0]), get_b(c))
# expect: class value class value
A.b = saved
print(get_b(objs[0]))
# expect: 1

# a member descriptor of A stored on an unrelated class does not apply
class D:
    __slots__ = ("p", "q", "r")
D.b = A.__dict__["b"]
try:
    get_b(D())
except TypeError as e:
    print(e)
# expect: descriptor 'b' for 'A' objects doesn't apply to a 'D' object
