# LOAD_ATTR_PROPERTY: a property with a Python getter, called without a C
# call; misses: the property replaced, an exception in the getter, a
# generator getter, a builtin getter, another type at the same site.
class Temp:
    def __init__(self, c):
        self.c = c
    @property
    def f(self):
        return self.c * 9 / 5 + 32

class Plain:
    f = "plain"

def get_f(o):
    return o.f

print(sum(get_f(Temp(i)) for i in range(200)))
# expect: 42220.0
print(get_f(Plain()), get_f(Temp(100)))
# expect: plain 212.0

# the getter raises: the traceback goes through it
class Bad:
    @property
    def f(self):
        return 1 / 0
try:
    get_f(Bad())
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
# expect: ZeroDivisionError division by zero

# the property replaced on the class, then a plain value
Temp.f = property(lambda self: "new getter")
print(get_f(Temp(0)))
# expect: new getter
Temp.f = 42
print(get_f(Temp(0)))
# expect: 42

# an instance dict entry never shadows a property
class Shadow:
    @property
    def f(self):
        return "prop"
s = Shadow()
s.__dict__["f"] = "dict"
for i in range(100):
    v = get_f(s)
print(v)
# expect: prop

# a generator function as getter, and a builtin getter
class Gen:
    @property
    def f(self):
        yield 1
class Builtin:
    f = property(len)
    def __len__(self):
        return 3
for i in range(100):
    g = get_f(Gen())
    n = get_f(Builtin())
print(list(g), n)
# expect: [1] 3

# a getter raising AttributeError with a __getattr__ fallback
class Fallback:
    @property
    def f(self):
        raise AttributeError("no f")
    def __getattr__(self, name):
        return "fallback " + name
for i in range(100):
    v = get_f(Fallback())
print(v)
# expect: fallback f

# recursion through a property stays a RecursionError
class Deep:
    @property
    def f(self):
        return self.f
try:
    Deep().f
except RecursionError:
    print("RecursionError")
# expect: RecursionError
