# LOAD_METHOD_NO_DICT: methods of types without an instance dict (list,
# str, int, __slots__ classes); misses: another type at the same site, the
# method replaced on a class with __slots__.
def grow(xs, n):
    for i in range(n):
        xs.append(i)
    return xs

print(len(grow([], 300)))
# expect: 300

def join(sep, items):
    return sep.join(items)
for i in range(100):
    s = join(",", ["a", "b"])
class Joiner:
    __slots__ = ()
    def join(self, items):
        return "joined %d" % len(items)
print(s, join(Joiner(), "abc"), join("-", "xy"))
# expect: a,b joined 3 x-y

def bits(n):
    return n.bit_length()
print([bits(v) for v in range(100)][-1], bits(2 ** 70), bits(True))
# expect: 7 71 1

class Slotted:
    __slots__ = ("v",)
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
def call_get(o):
    return o.get()
print(sum(call_get(Slotted(i)) for i in range(200)))
# expect: 19900
Slotted.get = lambda self: "replaced"
print(call_get(Slotted(1)))
# expect: replaced

class HasDict:
    def get(self):
        return "dict"
h = HasDict()
h.get = lambda: "shadow"
print(call_get(h), call_get(HasDict()))
# expect: shadow dict

# a missing method on a builtin
def upper(o):
    return o.upper()
for i in range(100):
    upper("x")
try:
    upper(1)
except AttributeError as e:
    print(e)
# expect: 'int' object has no attribute 'upper'
print(upper("abc"))
# expect: ABC
