# Attribute paths on unusual layouts: an instance dict of 200 keys (wide
# index slots), a __dict__ replaced by a dict subclass (whose overrides
# attribute access ignores, as in CPython) and by another dict, __slots__
# unset and missing, a subclass of a slotted class with a dict.
class A:
    pass
a = A()
for i in range(200):
    setattr(a, "f%d" % i, i)
s = 0
for r in range(3):
    for i in range(200):
        s += getattr(a, "f%d" % i)
    s += a.f150 + a.f3
print(s)
class D(dict):
    def __getitem__(self, k):
        return "override"
b = A()
b.x = 1
for i in range(30):
    b.x += 1
b.__dict__ = D(x=5, y=6)
print(b.x, b.y)
b.x = 7
print(b.x, b.__dict__)
b.__dict__ = {"y": 1, "x": 2}
for i in range(30):
    b.x = b.x + b.y
print(b.x)
try:
    b.__dict__ = 5
except TypeError as e:
    print("TypeError", e)
class E:
    __slots__ = ("a", "b")
e = E()
e.a = 1
try:
    e.b
except AttributeError as err:
    print(err)
try:
    e.c = 1
except AttributeError as err:
    print(err)
class F(E):
    pass
f = F()
f.a = 3
f.c = 4
for i in range(20):
    f.a = f.a + f.c
print(f.a, f.c)
# expect: 60159
# expect: 5 6
# expect: 7 {'x': 7, 'y': 6}
# expect: 32
# expect: TypeError __dict__ must be set to a dictionary, not a 'int'
# expect: 'E' object has no attribute 'b'
# expect: 'E' object has no attribute 'c'
# expect: 83 4
