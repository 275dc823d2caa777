# weft-only: _weft.specialized shows this thread's specialized bytecode
# env: PYTHON_SPECIALIZE=1
# Each attribute form is installed where it fits, and re-specialization
# after misses picks the form that fits then.
import _weft
import _mod

def forms(f):
    return [name for off, name, arg in _weft.specialized(f)
            if name.startswith(("LOAD_ATTR", "LOAD_METHOD", "STORE_ATTR"))]

class P:
    K = 5
    __slots__ = ("s", "__dict__")
    def __init__(self):
        self.s = 1
        self.x = 2
    def m(self):
        return 3
    @property
    def p(self):
        return 4

def sites(o):
    o.x = o.x + o.s      # LOAD_ATTR x, s; STORE_ATTR x
    o.s = 1
    return o.m() + o.p + o.K + P.K + _mod.VALUE + _mod.f(0) + [].__len__()

o = P()
for i in range(50):
    sites(o)
print(forms(sites))
# expect: ['LOAD_ATTR_INSTANCE_VALUE', 'LOAD_ATTR_SLOT', 'STORE_ATTR_INSTANCE_VALUE', 'STORE_ATTR_SLOT', 'LOAD_METHOD_WITH_VALUES', 'LOAD_ATTR_PROPERTY', 'LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES', 'LOAD_ATTR_CLASS', 'LOAD_ATTR_MODULE', 'LOAD_METHOD_MODULE', 'LOAD_METHOD_NO_DICT']

# instances whose dicts disagree on the index: the by-name forms
class Q:
    pass
qs = []
for i in range(8):
    q = Q()
    if i % 2:
        q.a = 0
    q.y = i
    qs.append(q)
def get_y(q):
    return q.y
def set_y(q, v):
    q.y = v
for i in range(400):
    set_y(qs[i % 8], get_y(qs[i % 8]))
print(forms(get_y), forms(set_y))
# expect: ['LOAD_ATTR_INSTANCE_DICT'] ['STORE_ATTR_INSTANCE_DICT']

# a class attribute reached through instances of a class with __slots__
class S:
    __slots__ = ()
    K = "k"
def get_k(s):
    return s.K
for i in range(50):
    get_k(S())
print(forms(get_k))
# expect: ['LOAD_ATTR_NONDESCRIPTOR_NO_DICT']

# after enough misses a site specializes for the type it sees now
class R:
    def __init__(self):
        self.y = "r"
for i in range(50):
    get_y(qs[0])
for i in range(200):
    get_y(R())
print(forms(get_y), get_y(R()))
# expect: ['LOAD_ATTR_INSTANCE_VALUE'] r

# sites that stay generic
class G:
    def __getattr__(self, name):
        return name
def get_z(o):
    return o.z
for i in range(50):
    get_z(G())
print(forms(get_z))
# expect: ['LOAD_ATTR']

# Cls.method(obj): the class's function pushed with NULL
def via_class(o):
    return P.m(o)
for i in range(50):
    via_class(o)
print(forms(via_class))
# expect: ['LOAD_METHOD_CLASS']

# sibling classes at one site: a table of their versions when they share
# the index or the method, (version, method) pairs when they override it
class T0:
    def __init__(self):
        self.v = 1
    def m(self):
        return 0
    def same(self):
        return 1
class T1(T0):
    def m(self):
        return 1
class T2(T0):
    def m(self):
        return 2
def sibling_sites(o):
    o.v = o.v + o.m() + o.same()
ts = [T0(), T1(), T2()]
for i in range(600):
    sibling_sites(ts[i % 3])
print(forms(sibling_sites))
# expect: ['LOAD_ATTR_INSTANCE_VALUE_POLY', 'LOAD_METHOD_WITH_VALUES_PAIRS', 'LOAD_METHOD_WITH_VALUES_POLY', 'STORE_ATTR_INSTANCE_VALUE_POLY']
print([t.v for t in ts])
# expect: [201, 401, 601]

# slotted siblings sharing a method
class U0:
    __slots__ = ("a",)
    def get(self):
        return 7
class U1(U0):
    __slots__ = ()
def call_get(u):
    return u.get()
us = [U0(), U1()]
for i in range(400):
    call_get(us[i % 2])
print(forms(call_get))
# expect: ['LOAD_METHOD_NO_DICT_POLY']
