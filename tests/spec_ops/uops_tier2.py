# weft-only: the uops of the ops forms run by the tier-2 uop interpreter
# Each trace replaces `r = <expr>` of a function and exits past the tier-1
# fallback `r = "tier 1"`: a trace that runs to its end returns the uop's
# result, a guard that fails resumes tier 1 at the expression (which then
# returns "tier 1"). So each line shows whether the uops ran or deopted.
import _weft

G = "global G"
HEADS = ("LOAD_GLOBAL", "BINARY_OP", "COMPARE_OP", "BINARY_SUBSCR")

def offsets(f, *names):
    ins = _weft.instructions(f)
    return [[off for off, name, _ in ins if name == n][0] for n in names]

def run(f, args, body):
    """body: the uops of `r = <expr>` up to its value; then STORE_FAST r and
    an exit to `return r`. A guard resumes tier 1 at its target: the
    expression's operator instruction, with the operands on the stack."""
    op = [off for off, name, _ in _weft.instructions(f) if name.startswith(HEADS)][0]
    ret, = offsets(f, "RETURN_VALUE")
    last_load = ret - 1                          # LOAD_FAST r before RETURN_VALUE
    trace = [(name, arg, op, operand) for name, arg, operand in body]
    r_slot = f.__code__.co_varnames.index("r")
    trace += [("STORE_FAST", r_slot, 0, 0), ("_EXIT_TRACE", 0, last_load, 0)]
    return _weft.uop_run(f, args, trace)

def load_g():
    r = G
    r = "tier 1"
    return r
ix = list(globals()).index("G")
print(run(load_g, (), [("_LOAD_GLOBAL_MODULE", 0, ix)]))
print(run(load_g, (), [("_LOAD_GLOBAL_MODULE", 0, ix + 1)]))   # stale position: deopt
# expect: global G
# expect: tier 1

def binop(a, b):
    r = a + b
    r = "tier 1"
    return r
def add(guard, op):
    return [("LOAD_FAST", 0, 0), ("LOAD_FAST", 1, 0), (guard, 0, 0), (op, 0, 0)]
print(run(binop, (2, 3), add("_GUARD_BOTH_INT", "_BINARY_OP_ADD_INT")))
print(run(binop, (2 ** 62 - 1, 1), add("_GUARD_BOTH_INT", "_BINARY_OP_ADD_INT")))
print(run(binop, (2.5, 3), add("_GUARD_BOTH_INT", "_BINARY_OP_ADD_INT")))
print(run(binop, (2.5, 0.25), add("_GUARD_BOTH_FLOAT", "_BINARY_OP_ADD_FLOAT")))
print(run(binop, (2.5, 1), add("_GUARD_BOTH_FLOAT", "_BINARY_OP_ADD_FLOAT")))
print(run(binop, ("ab", "cd"), add("_GUARD_BOTH_STR", "_BINARY_OP_ADD_STR")))
print(run(binop, (2.5, 4), [("LOAD_FAST", 0, 0), ("LOAD_FAST", 1, 0), ("_GUARD_NOS_FLOAT", 0, 0),
                            ("_GUARD_TOS_INT", 0, 0), ("_BINARY_OP_FLOAT_INT", 0, 0)]))
# expect: 5
# expect: 4611686018427387904
# expect: tier 1
# expect: 2.75
# expect: tier 1
# expect: abcd
# expect: 6.5

def cmp(a, b):
    r = a < b
    r = "tier 1"
    return r
lt = [("LOAD_FAST", 0, 0), ("LOAD_FAST", 1, 0), ("_GUARD_BOTH_FLOAT", 0, 0), ("_COMPARE_OP_FLOAT", 0, 0)]
print(run(cmp, (1.5, 2.5), lt), run(cmp, (float("nan"), 2.5), lt), run(cmp, (1, 2.5), lt))
# expect: True False tier 1

def sub(c, i):
    r = c[i]
    r = "tier 1"
    return r
get = [("LOAD_FAST", 0, 0), ("LOAD_FAST", 1, 0), ("_GUARD_NOS_LIST", 0, 0), ("_GUARD_TOS_INT", 0, 0),
       ("_BINARY_SUBSCR_LIST_INT", 0, 0)]
print(run(sub, ([7, 8, 9], -1), get), run(sub, ((7, 8), 0), get))
try:
    run(sub, ([7, 8, 9], 3), get)      # out of range: deopt, tier 1 raises
except IndexError as e:
    print(e)
# expect: 9 tier 1
# expect: list index out of range
