# STORE_ATTR_INSTANCE_VALUE: obj.x = v replaces the value at a cached index
# of the instance dict; misses: a new attribute, another type, a property
# with a setter added later, __setattr__ added later, __dict__ replaced.
class P:
    def __init__(self, x):
        self.x = x
        self.n = 0

def bump(o, v):
    o.n = v

ps = [P(i) for i in range(10)]
for i in range(300):
    bump(ps[i % 10], i)
print([p.n for p in ps])
# expect: [290, 291, 292, 293, 294, 295, 296, 297, 298, 299]

class Q:
    pass
q = Q()
bump(q, "new attribute")
print(q.n, vars(q))
# expect: new attribute {'n': 'new attribute'}

# a property with a setter added to the class after warm-up
log = []
P.n = property(lambda self: "get", lambda self, v: log.append(v))
bump(ps[0], "via setter")
print(log, ps[0].n, ps[0].__dict__["n"])
# expect: ['via setter'] get 290
del P.n

# a read-only property: the generic error
class Holder:
    @property
    def n(self):
        return 0
P.n = Holder.__dict__["n"]
try:
    bump(ps[1], 1)
except AttributeError as e:
    print(e)
# expect: property 'n' of 'P' object has no setter
del P.n

# __setattr__ added later
def setattr_hook(self, name, v):
    object.__setattr__(self, name, ("hooked", v))
P.__setattr__ = setattr_hook
bump(ps[2], 5)
print(ps[2].n)
# expect: ('hooked', 5)
del P.__setattr__
for i in range(100):
    bump(ps[2], i)
print(ps[2].n)
# expect: 99

# the instance dict replaced, then deleted entries
p = ps[3]
p.__dict__ = {"x": 1}
bump(p, "fresh")
print(p.__dict__)
# expect: {'x': 1, 'n': 'fresh'}
del p.n
bump(p, "again")
print(p.__dict__)
# expect: {'x': 1, 'n': 'again'}

# values keep their references right: overwritten objects die
class Tracked:
    def __del__(self):
        print("del", self.k)
    def __init__(self, k):
        self.k = k
t = P(0)
for i in range(100):
    bump(t, i)
bump(t, Tracked(1))
bump(t, Tracked(2))
# expect: del 1
bump(t, 0)
# expect: del 2
print("end")
# expect: end
