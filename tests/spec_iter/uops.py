# weft-only: the tier-2 uops of the unpacking, containment and truth forms in a hand-built trace
# env: PYTHON_SPECIALIZE=1
# The trace is `a, b = t; return a in d` as tier 2 would run it after
# UNPACK_SEQUENCE_TWO_TUPLE and CONTAINS_OP_DICT; when a guard fails, tier 1
# resumes at the instruction with the stack the guard left intact.
import _weft

def f(t, d):
    a, b = t
    return a in d

ins = _weft.instructions(f)
off = {name: o for o, name, arg in reversed(ins)}
trace = [("LOAD_FAST", 0, 0, 0),
         ("_GUARD_UNPACK_TUPLE", 2, off["UNPACK_SEQUENCE"], 0), ("_UNPACK_TWO_TUPLE", 2, off["UNPACK_SEQUENCE"], 0),
         ("STORE_FAST", 2, 0, 0), ("STORE_FAST", 3, 0, 0), ("LOAD_FAST", 2, 0, 0), ("LOAD_FAST", 1, 0, 0),
         ("_GUARD_CONTAINER_DICT", 0, off["CONTAINS_OP"], 0), ("_CONTAINS_OP_DICT", 0, off["CONTAINS_OP"], 0),
         ("_EXIT_TRACE", 0, off["RETURN_VALUE"], 0)]
print(_weft.uop_run(f, ((1, 2), {1: 0}), trace), _weft.uop_run(f, ((5, 2), {1: 0}), trace))
# expect: True False
print(_weft.uop_run(f, ([1, 2], {1: 0}), trace), _weft.uop_run(f, ((1, 2), {1}), trace),
      _weft.uop_run(f, ("ab", "a"), trace))
# expect: True True True
try:
    _weft.uop_run(f, ((1, 2, 3), {}), trace)
except ValueError as e:
    print(e)
# expect: too many values to unpack (expected 2)
try:
    _weft.uop_run(f, (([], 2), {}), trace)
except TypeError as e:
    print(e)
# expect: unhashable type: 'list'

# `return bool-of-x` through the TO_BOOL uops: a wrong type leaves the trace
def g(x):
    return 1 if x else 0

ins = _weft.instructions(g)
to_bool = [o for o, name, arg in ins if name == "TO_BOOL"][0]
for uop, good, bad in [("_TO_BOOL_INT", 5, "s"), ("_TO_BOOL_STR", "", 0), ("_TO_BOOL_LIST", [1], ()),
                       ("_TO_BOOL_NONE", None, 1), ("_TO_BOOL_DICT", {}, [])]:
    t = [("LOAD_FAST", 0, 0, 0), (uop, 0, to_bool, 0), ("_EXIT_TRACE", 0, to_bool + 2, 0)]
    print(uop, _weft.uop_run(g, (good,), t), _weft.uop_run(g, (bad,), t))
# expect: _TO_BOOL_INT 1 1
# expect: _TO_BOOL_STR 0 0
# expect: _TO_BOOL_LIST 1 0
# expect: _TO_BOOL_NONE 0 1
# expect: _TO_BOOL_DICT 0 0
