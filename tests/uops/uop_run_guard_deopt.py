# weft-only: a guard that fails in a hand-built trace resumes tier 1 at the instruction's start
# The trace is the tier-2 form of `return a + b` for small ints:
# LOAD_FAST a, LOAD_FAST b, _GUARD_BOTH_INT + _BINARY_OP_ADD_INT (the uops of
# BINARY_OP_ADD_INT), then exit to RETURN_VALUE. With floats or strs the
# guard fails: tier 1 re-runs BINARY_OP on the stack the guard left intact.
import _weft

def add(a, b):
    return a + b

ins = _weft.instructions(add)
binop = [off for off, name, arg in ins if name == "BINARY_OP"][0]
ret = [off for off, name, arg in ins if name == "RETURN_VALUE"][0]
trace = [("LOAD_FAST", 0, 0, 0), ("LOAD_FAST", 1, 0, 0),
         ("_GUARD_BOTH_INT", 0, binop, 0), ("_BINARY_OP_ADD_INT", 0, binop, 0),
         ("_EXIT_TRACE", 0, ret, 0)]
print(_weft.uop_run(add, (2, 3), trace))
print(_weft.uop_run(add, (2.5, 3), trace))
print(_weft.uop_run(add, ("x", "y"), trace))
print(_weft.uop_run(add, (2**62, 2**62), trace))
try:
    _weft.uop_run(add, ("x", 1), trace)
except TypeError as e:
    print(e)
# expect: 5
# expect: 5.5
# expect: xy
# expect: 9223372036854775808
# expect: can only concatenate str (not "int") to str
