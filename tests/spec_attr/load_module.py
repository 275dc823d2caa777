# LOAD_ATTR_MODULE: mod.name at a cached index of the module dict; misses:
# the name rebound, deleted, re-added at another index, another module at
# the same site, a module __getattr__ fallback.
import math
import _mod

def get_value(m):
    return m.VALUE

print(sum(get_value(_mod) for i in range(200)))
# expect: 200
_mod.VALUE = 5
print(get_value(_mod))
# expect: 5
del _mod.VALUE
try:
    get_value(_mod)
except AttributeError as e:
    print(e)
# expect: module '_mod' has no attribute 'VALUE'
_mod.OTHER = 1
_mod.VALUE = 7             # now at another index
print(get_value(_mod))
# expect: 7
_mod.__getattr__ = lambda name: "fallback " + name
del _mod.VALUE
print(get_value(_mod))
# expect: fallback VALUE
del _mod.__getattr__
_mod.VALUE = 2

class NotAModule:
    VALUE = "instance"
print(get_value(NotAModule()), get_value(_mod))
# expect: instance 2


m = type(math)("m")
m.VALUE = "m"
print(get_value(m))
# expect: m

def get_pi():
    return math.pi
print(all(get_pi() == 3.141592653589793 for i in range(200)))
# expect: True
