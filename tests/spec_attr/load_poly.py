# The polymorphic attribute forms: one site sees sibling classes that share
# the attribute's dict index (LOAD_ATTR/STORE_ATTR_INSTANCE_VALUE_POLY) or a
# method (LOAD_METHOD_WITH_VALUES_POLY), or that override the method
# (LOAD_METHOD_WITH_VALUES_PAIRS); misses: a fifth class, a class changed
# after warm-up, an instance laid out differently, a shadowing instance value.
class Base:
    def __init__(self, n):
        self.n = n
        self.hits = 0
    def kind(self):
        return "base"
    def bump(self):
        self.hits += 1
        return self.n

class A(Base):
    def kind(self):
        return "a"
class B(Base):
    def kind(self):
        return "b"
class C(Base):
    def kind(self):
        return "c"
class D(Base):
    pass
class E(Base):
    def kind(self):
        return "e"

def get_n(o):
    return o.n
def set_n(o, v):
    o.n = v
def kind(o):
    return o.kind()
def bump(o):
    return o.bump()

objs = [A(1), B(2), C(3), D(4)]
total = 0
kinds = []
for i in range(300):
    o = objs[i % 4]
    total += get_n(o) + bump(o)
    kinds.append(kind(o))
    set_n(o, o.n)
print(total, kinds[:4], [o.hits for o in objs])
# expect: 1500 ['a', 'b', 'c', 'base'] [75, 75, 75, 75]

# a fifth class evicts the oldest entry; every class still answers
e = E(5)
for i in range(200):
    o = (objs + [e])[i % 5]
    v = (get_n(o), kind(o), bump(o))
print(v, [kind(o) for o in objs + [e]], [get_n(o) for o in objs + [e]])
# expect: (5, 'e', 5) ['a', 'b', 'c', 'base', 'e'] [1, 2, 3, 4, 5]

# one class changed after warm-up: a property shadows n, kind is replaced
B.n = property(lambda self: "prop")
B.kind = lambda self: "b2"
print([get_n(o) for o in objs], [kind(o) for o in objs])
# expect: [1, 'prop', 3, 4] ['a', 'b2', 'c', 'base']
try:
    set_n(objs[1], 9)
except AttributeError as ex:
    print("AttributeError")
# expect: AttributeError
del B.n
print(get_n(objs[1]), [bump(o) for o in objs])
# expect: 2 [1, 2, 3, 4]

# an instance laid out differently, and one whose dict shadows the method
class F(Base):
    def __init__(self):
        self.hits = 0
        self.n = 6
f = F(); f.kind = lambda: "own"
print(get_n(f), kind(f), bump(f))
# expect: 6 own 6
for i in range(200):
    o = objs[i % 4]
    set_n(o, i)
print([get_n(o) for o in objs], [kind(o) for o in objs], kind(f), get_n(f))
# expect: [196, 197, 198, 199] ['a', 'b2', 'c', 'base'] own 6
del f.kind
print(kind(f))
# expect: base

# an attribute deleted from one instance: the generic path raises
del objs[2].n
try:
    get_n(objs[2])
except AttributeError as ex:
    print(ex)
# expect: 'C' object has no attribute 'n'

# a method moved up the hierarchy: D picks up Base's replacement
Base.kind = lambda self: "base2"
print([kind(o) for o in objs])
# expect: ['a', 'b2', 'c', 'base2']
