# weft-only: which CALL forms this thread's bytecode holds after warm-up, and after the callee changes
# env: PYTHON_SPECIALIZE=1
# Each helper warms a call site up with one kind of callee (the form
# appears), then runs another kind at least 52 times (the misses
# re-specialize it).
import _weft

def forms(f):
    return [name for _, name, _ in _weft.specialized(f) if name.startswith("CALL")]

def warm(f, *args, n=120):
    for i in range(n):
        f(*args)
    return forms(f)

def call0(g):
    return g()
def call1(g, x):
    return g(x)
def call2(g, x, y):
    return g(x, y)
def meth1(o, x):
    return o.append(x)

def one(a):
    return a
def other(a):
    return -a
def dflt(a, b=1):
    return a + b
def gen(a):
    yield a

class C:
    def m(self, x):
        return x
    def append(self, x):
        return x
class P:
    def __init__(self, a):
        self.a = a

print(forms(call1))
# expect: ['CALL']
print(warm(call1, one, 1), warm(call1, C().m, 1), warm(call1, dflt, 1), warm(call1, P, 1))
# expect: ['CALL_PY_EXACT_ARGS'] ['CALL_BOUND_METHOD_EXACT_ARGS'] ['CALL_PY_GENERAL'] ['CALL_ALLOC_AND_ENTER_INIT']
print(warm(call1, len, []), warm(call1, abs, 1), warm(call1, type, 1), warm(call1, str, 1), warm(call1, tuple, ()))
# expect: ['CALL_LEN'] ['CALL_BUILTIN_FAST'] ['CALL_TYPE_1'] ['CALL_STR_1'] ['CALL_TUPLE_1']
print(warm(call2, isinstance, 1, int), warm(call2, list.append, [], 1), warm(call1, [].append, 1))
# expect: ['CALL_ISINSTANCE'] ['CALL_METHOD_DESCRIPTOR_FAST'] ['CALL_BUILTIN_FAST']
print(warm(meth1, C(), 1), warm(meth1, [], 1))
# expect: ['CALL_PY_EXACT_ARGS'] ['CALL_LIST_APPEND']

# a site that sees two functions of one shape: the polymorphic form
def poly(gs):
    for g in gs:
        g(1)
print(warm(poly, [one, other] * 30))
# expect: ['CALL_PY_EXACT_ARGS_POLY']
# a bound method with a default
print(warm(call1, C().m, 1), warm(call1, type("E", (), {"m": lambda self, x, y=2: x})().m, 1))
# expect: ['CALL_BOUND_METHOD_EXACT_ARGS'] ['CALL_BOUND_METHOD_GENERAL']

# generator functions get theirs; generator methods and keyword calls stay generic
def fresh1(g, x):
    return g(x)
class G:
    def gen(self, a):
        yield a
print(warm(fresh1, gen, 1), warm(call1, G().gen, 1), warm(meth1, [], 1))
# expect: ['CALL_PY_GENERATOR'] ['CALL'] ['CALL_LIST_APPEND']
def kw(g):
    return g(a=1)
print([n for _, n, _ in _weft.specialized(kw) if n.startswith("CALL")])
# expect: ['CALL_KW']
print(warm(call1, int, "1"), warm(call2, range, 1, 2))
# expect: ['CALL_BUILTIN_CLASS'] ['CALL_BUILTIN_CLASS']
