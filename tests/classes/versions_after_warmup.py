# Class attributes, methods and bases' attributes changed after the code that
# reads them has warmed up (and may be specialized against type versions):
# every read gives the value current at that moment.

class Base:
    x = 1
    def m(self):
        return "base"

class Mid(Base):
    pass

class Leaf(Mid):
    pass

class Other:
    x = "other"

def read(o):
    return o.x

def call(o):
    return o.m()

def cls_read(c):
    return c.x

leaf = Leaf()
total = 0
for i in range(300):
    total += read(leaf)
    if i == 100:
        Base.x = 10          # a base two levels up
    if i == 200:
        Leaf.x = 100         # the class itself shadows it
print(total)
# expect: 11001

out = []
for i in range(200):
    out.append(call(leaf))
    if i == 99:
        Mid.m = lambda self: "mid"
print(out[99], out[100], out[199], len(out))
# expect: base mid mid 200

del Leaf.x
print(read(leaf), cls_read(Leaf))
# expect: 10 10
del Mid.m
print(call(leaf))
# expect: base

# __class__ assignment after warm-up.
class A:
    v = "a"
class B:
    v = "b"
o = A()
seen = []
for i in range(200):
    seen.append(o.v)
    if i == 150:
        o.__class__ = B
print(seen[150], seen[151], seen.count("a"), seen.count("b"))
# expect: a b 151 49

# Other classes' reads are untouched by the changes above.
print(sum(1 for i in range(150) if read(Other()) == "other"))
# expect: 150

# An instance attribute appearing after warm-up shadows the class attribute.
class P:
    x = 5
p = P()
vals = [read(p) for i in range(120)]
p.x = 6
vals += [read(p) for i in range(120)]
print(vals.count(5), vals.count(6))
# expect: 120 120
