# weft-only: the uops of the attribute forms run by the tier-2 uop interpreter
# Each trace replaces `r = <expr>` of a function and exits past the tier-1
# fallback `r = "tier 1"`: a trace that runs to its end gives the uops'
# result, a guard that fails resumes tier 1 at the attribute instruction
# (which then returns "tier 1"). So each line shows whether the uops ran.
import _weft
import _mod

HEADS = ("LOAD_ATTR", "LOAD_METHOD", "STORE_ATTR")

def run(f, args, body):
    """body: uops after `LOAD_FAST 0` up to the value of `r = <expr>`."""
    ins = _weft.instructions(f)
    op = [off for off, name, _ in ins if name.startswith(HEADS)][0]
    ret = [off for off, name, _ in ins if name == "RETURN_VALUE"][0]
    r_slot = f.__code__.co_varnames.index("r")
    trace = [("LOAD_FAST", 0, op, 0)] + [(name, arg, op, operand) for name, arg, operand in body]
    trace += [("STORE_FAST", r_slot, 0, 0), ("_EXIT_TRACE", 0, ret - 1, 0)]
    return _weft.uop_run(f, args, trace)

def name_ix(f, name):
    return f.__code__.co_names.index(name)

class P:
    K = "class K"
    def __init__(self, x, y):
        self.x = x
        self.y = y

def get_y(o):
    r = o.y
    r = "tier 1"
    return r

V = _weft.type_version(P)
y = name_ix(get_y, "y")
p = P(1, 2)
print(run(get_y, (p,), [("_GUARD_TYPE_VERSION", 0, V), ("_LOAD_ATTR_INSTANCE_VALUE", y, 1)]))
print(run(get_y, (p,), [("_GUARD_TYPE_VERSION", 0, V + 1), ("_LOAD_ATTR_INSTANCE_VALUE", y, 1)]))
print(run(get_y, (p,), [("_GUARD_TYPE_VERSION", 0, V), ("_LOAD_ATTR_INSTANCE_VALUE", y, 0)]))
print(run(get_y, (p,), [("_GUARD_TYPE_VERSION", 0, V), ("_LOAD_ATTR_INSTANCE_DICT", y, 0)]))
del p.y
try:
    run(get_y, (p,), [("_GUARD_TYPE_VERSION", 0, V), ("_LOAD_ATTR_INSTANCE_DICT", y, 0)])
except AttributeError as e:
    print("tier 1:", e)
p.y = 2
# expect: 2
# expect: tier 1
# expect: tier 1
# expect: 2
# expect: tier 1: 'P' object has no attribute 'y'

# a class value through the class, and through an instance that may shadow it
def get_k(o):
    r = o.K
    r = "tier 1"
    return r
k = name_ix(get_k, "K")
cached = [("_LOAD_ATTR_CACHED", k, id(P.__dict__["K"]))]
print(run(get_k, (P,), [("_GUARD_CLASS_VERSION", 0, V)] + cached))
print(run(get_k, (p,), [("_GUARD_CLASS_VERSION", 0, V)] + cached))
print(run(get_k, (p,), [("_GUARD_TYPE_VERSION", 0, V), ("_GUARD_NO_INSTANCE_ATTR", k, 0)] + cached))
p.K = "shadow"
print(run(get_k, (p,), [("_GUARD_TYPE_VERSION", 0, V), ("_GUARD_NO_INSTANCE_ATTR", k, 0)] + cached))
P.K = "changed"
print(run(get_k, (P,), [("_GUARD_CLASS_VERSION", 0, V)] + cached))
# expect: class K
# expect: tier 1
# expect: class K
# expect: tier 1
# expect: tier 1

# a module attribute at its index in the module's dict
def get_value(m):
    r = m.VALUE
    r = "tier 1"
    return r
ix = list(vars(_mod)).index("VALUE")
mod = [("_GUARD_MODULE", 0, 0), ("_LOAD_ATTR_MODULE", name_ix(get_value, "VALUE"), ix)]
print(run(get_value, (_mod,), mod))
class NotAModule:
    VALUE = 0
print(run(get_value, (NotAModule,), mod))
del _mod.VALUE
_mod.VALUE = "moved"
print(run(get_value, (_mod,), mod))
# expect: 1
# expect: tier 1
# expect: tier 1

# stores: the trace ends after the store, tier 1 reads the attribute back
def set_y(o, v):
    o.y = v
    return o.y
def run_store(body):
    ins = _weft.instructions(set_y)
    op = [off for off, name, _ in ins if name == "STORE_ATTR"][0]
    after = [off for off, name, _ in ins if off > op][0]
    trace = [("LOAD_FAST", 1, op, 0), ("LOAD_FAST", 0, op, 0)] + [(n, a, op, x) for n, a, x in body]
    return _weft.uop_run(set_y, (q, "stored"), trace + [("_EXIT_TRACE", 0, after, 0)])
q = P(1, 2)
y = name_ix(set_y, "y")
print(run_store([("_GUARD_TYPE_VERSION", 0, _weft.type_version(P)), ("_STORE_ATTR_INSTANCE_VALUE", y, 1)]))
print(run_store([("_GUARD_TYPE_VERSION", 0, _weft.type_version(P)), ("_STORE_ATTR_INSTANCE_VALUE", y, 0)]))
print(run_store([("_GUARD_TYPE_VERSION", 0, _weft.type_version(P)), ("_STORE_ATTR_INSTANCE_DICT", y, 0)]))
print(q.__dict__)
# expect: stored
# expect: stored
# expect: stored
# expect: {'x': 1, 'y': 'stored'}
