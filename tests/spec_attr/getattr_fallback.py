# Classes with __getattr__ or __getattribute__ are not specialized; one
# added after warm-up takes effect at once at every specialized site.
class A:
    def __init__(self):
        self.x = 1
    def m(self):
        return "m"

def get_x(o):
    return o.x
def get_y(o):
    return o.y
def call_m(o):
    return o.m()

a = A()
for i in range(100):
    get_x(a)
    call_m(a)
    try:
        get_y(a)
    except AttributeError:
        pass

A.__getattr__ = lambda self, name: "missing " + name
print(get_x(a), get_y(a), call_m(a))
# expect: 1 missing y m
A.__getattribute__ = lambda self, name: "always " + name
print(get_x(a), get_y(a))
# expect: always x always y
try:
    call_m(a)
except TypeError as e:
    print(e)
# expect: 'str' object is not callable
del A.__getattribute__
del A.__getattr__
print(get_x(a), call_m(a))
# expect: 1 m
try:
    get_y(a)
except AttributeError as e:
    print(e)
# expect: 'A' object has no attribute 'y'

# a class that starts with __getattr__ warms up generically, then loses it
class G:
    def __init__(self):
        self.x = "own"
    def __getattr__(self, name):
        return "fallback"
g = G()
for i in range(100):
    v = (get_x(g), get_y(g))
print(v)
# expect: ('own', 'fallback')
del G.__getattr__
try:
    get_y(g)
except AttributeError as e:
    print(e)
# expect: 'G' object has no attribute 'y'
print(get_x(g))
# expect: own
