# Attribute reads and writes stay right when instances of one class lay out
# their dicts differently: attributes added in other orders, deleted and
# re-added, shadowed by a class attribute or a data descriptor added later,
# and __slots__ members read next to dict attributes. (The generic paths
# remember, per thread and per (class, name), the dict index where a name
# was last found; every use re-checks the key there.)

class P:
    pass

def make(order):
    p = P()
    for name in order:
        setattr(p, name, name.upper())
    return p

objs = [make("abc"), make("cab"), make("bca"), make("ac"), make("cb")]

def read_all(o):
    out = []
    for name in "abc":
        try:
            out.append(getattr(o, name))
        except AttributeError:
            out.append("-")
    return "".join(out)

def read_a(o):
    return o.a

for round in range(3):
    print([read_all(o) for o in objs])

# the same site, alternating layouts
total = []
for i in range(60):
    o = objs[i % 4]
    total.append(read_a(o))
print("".join(total))

# writes through the generic path at different layouts
for i in range(40):
    o = objs[i % 3]
    o.c = i
print([o.c for o in objs[:3]])

# delete and re-add: the key moves to a new entry
o = objs[0]
for i in range(30):
    o.a = i
    if i % 7 == 0:
        del o.a
        o.a = -i
print(o.a, read_a(o), o.__dict__)

# a class attribute appears: instance values still win
P.a = "class"
print([read_a(x) for x in objs[:2]])
del objs[0].a
print(read_a(objs[0]))

# a data descriptor appears: it wins over the instance dict
class P2:
    pass
q = P2()
q.x = 1
for i in range(20):
    q.x = q.x + 1
print(q.x)
P2.x = property(lambda self: "prop")
print(q.x, q.__dict__["x"])
del P2.x
print(q.x)

# slots next to a dict
class S:
    __slots__ = ("u", "v", "__dict__")
s = S()
s.u = 1
s.w = 3
for i in range(20):
    s.u = s.u + s.w
try:
    s.v
except AttributeError as e:
    print("AttributeError:", e)
s.v = 2
print(s.u, s.v, s.w)

# a subclass's instances with the base's names in another order
class Q(P):
    def __init__(self):
        self.c = 3
        self.a = 1
qs = [Q() for _ in range(3)]
print([read_a(x) for x in qs] + [read_a(x) for x in objs[1:3]])
# expect: ['ABC', 'ABC', 'ABC', 'A-C', '-BC']
# expect: ['ABC', 'ABC', 'ABC', 'A-C', '-BC']
# expect: ['ABC', 'ABC', 'ABC', 'A-C', '-BC']
# expect: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
# expect: [39, 37, 38]
# expect: 29 29 {'b': 'B', 'c': 39, 'a': 29}
# expect: [29, 'A']
# expect: class
# expect: 21
# expect: prop 21
# expect: 21
# expect: AttributeError: 'S' object has no attribute 'v'
# expect: 61 2 3
# expect: [1, 1, 1, 'A', 'A']
