# LOAD_ATTR_INSTANCE_VALUE: obj.x from the instance dict at a cached index;
# misses: another type at the same site, the attribute deleted, a data
# descriptor added to the class, __dict__ replaced, __class__ changed.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Q:
    def __init__(self, y):
        self.y = y

def get_y(o):
    return o.y

ps = [P(i, i * 2) for i in range(200)]
total = 0
for p in ps:
    total += get_y(p)
print(total)
# expect: 39800

# another type, the name at another index: the same site still answers
print(get_y(Q(7)), get_y(P(1, 8)))
# expect: 7 8

# the attribute deleted from one instance
p = P(1, 2)
del p.y
try:
    get_y(p)
except AttributeError as e:
    print(e)
# expect: 'P' object has no attribute 'y'
p.y = 5            # re-inserted at another index
print(get_y(p), sum(get_y(q) for q in ps[:10]))
# expect: 5 90

# a data descriptor added to the class after warm-up wins over the dict
P.y = property(lambda self: "prop")
print(get_y(ps[3]), get_y(Q(1)))
# expect: prop 1
del P.y
print(get_y(ps[3]))
# expect: 6

# __dict__ replaced, __class__ changed
p = P(0, 0)
for i in range(100):
    get_y(p)
p.__dict__ = {"y": "new dict"}
print(get_y(p))
# expect: new dict
p.__class__ = Q
print(get_y(p), type(p).__name__)
# expect: new dict Q

# a non-data descriptor on the class loses to the instance dict
class R:
    def y(self):
        return "method"
r = R()
r.y = "instance"
for i in range(100):
    v = get_y(r)
print(v, get_y(R()).__name__)
# expect: instance y

# attribute values of many kinds
class S:
    pass
s = S()
s.y = None
vals = []
for v in [1, 2.5, "s", None, (1,), [2]]:
    s.y = v
    for i in range(60):
        w = get_y(s)
    vals.append(w)
print(vals)
# expect: [1, 2.5, 's', None, (1,), [2]]
