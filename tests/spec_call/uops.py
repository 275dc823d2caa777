# weft-only: the tier-2 uops of the CALL forms in hand-built traces
# The trace runs `return g(x)` up to the call as tier 2 would after a CALL
# form; a failed guard leaves the trace at CALL with the stack intact, and
# the frame-pushing forms (tier 1 only) are left to tier 1 the same way.
import _weft

def f(g, x):
    return g(x)
def f2(g, x, y):
    return g(x, y)

def at(fn, name):
    return [o for o, n, a in _weft.instructions(fn) if n == name][0]
CALL, RET = at(f, "CALL"), at(f, "RETURN_VALUE")
CALL2, RET2 = at(f2, "CALL"), at(f2, "RETURN_VALUE")

def run(uops, g, x, exit_at=None):
    trace = [("LOAD_FAST", 0, 0, 0), ("PUSH_NULL", 0, 0, 0), ("LOAD_FAST", 1, 0, 0)]
    trace += [(u, 1, CALL, operand) for u, operand in uops]
    trace.append(("_EXIT_TRACE", 0, RET if exit_at is None else exit_at, 0))
    return _weft.uop_run(f, (g, x), trace)

def run2(uops, g, x, y):
    trace = [("LOAD_FAST", 0, 0, 0), ("PUSH_NULL", 0, 0, 0), ("LOAD_FAST", 1, 0, 0), ("LOAD_FAST", 2, 0, 0)]
    trace += [(u, 2, CALL2, operand) for u, operand in uops]
    trace.append(("_EXIT_TRACE", 0, RET2, 0))
    return _weft.uop_run(f2, (g, x, y), trace)

fast = [("_CHECK_BUILTIN_FUNCTION", 0), ("_CALL_BUILTIN_FAST", 0)]
print(run(fast, abs, -3), run(fast, hex, 255), run(fast, lambda v: v * 2, 4))
# expect: 3 0xff 8
try:
    run(fast, abs, "s")
except TypeError as e:
    print(e)
# expect: bad operand type for abs(): 'str'

def callable_is(obj):
    return ("_CHECK_CALLABLE_IS", id(obj))
print(run([callable_is(type), ("_CALL_TYPE_1", 0)], type, 1.5).__name__, run([callable_is(type), ("_CALL_TYPE_1", 0)], str, 1.5))
# expect: float 1.5
print(run([callable_is(str), ("_CALL_STR_1", 0)], str, [1]), run([callable_is(tuple), ("_CALL_TUPLE_1", 0)], tuple, "ab"))
# expect: [1] ('a', 'b')
print(run([callable_is(len), ("_CALL_LEN", 0)], len, [1, 2]), run([callable_is(len), ("_CALL_LEN", 0)], abs, -2))
# expect: 2 2
try:
    run([callable_is(len), ("_CALL_LEN", 0)], len, 5)
except TypeError as e:
    print(e)
# expect: object of type 'int' has no len()
print(run2([("_CHECK_CALLABLE_IS", id(isinstance)), ("_CALL_ISINSTANCE", 0)], isinstance, 1, int),
      run2([("_CHECK_CALLABLE_IS", id(isinstance)), ("_CALL_ISINSTANCE", 0)], isinstance, 1, (str, float)),
      run2([("_CHECK_CALLABLE_IS", id(isinstance)), ("_CALL_ISINSTANCE", 0)], max, 1, 7))
# expect: True False 7

descr = [("_CHECK_METHOD_DESCRIPTOR", 0), ("_CALL_METHOD_DESCRIPTOR_FAST", 0)]
print(run(descr, str.upper, "ab"), run(descr, list.copy, [1]), run(descr, len, "abc"))
# expect: AB [1] 3
try:
    run(descr, str.upper, 5)
except TypeError as e:
    print(e)
# expect: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object

# Python callees: the guards in tier 2, the frame pushed by tier 1 at CALL
def one(a):
    return ("one", a)
def two(a, b=0):
    return ("two", a)
class K:
    def m(self, a):
        return ("m", a)
code = [("_CHECK_FUNCTION_CODE", id(one.__code__)), ("_CHECK_FUNCTION_EXACT_ARGS", 0)]
print(run(code, one, 1, CALL), run(code, two, 2, CALL), run(code, abs, -3, CALL))
# expect: ('one', 1) ('two', 2) 3
anyexact = [("_CHECK_FUNCTION_EXACT_ANY", 0)]
print(run(anyexact, one, 1, CALL), run(anyexact, two, 2, CALL), run(anyexact, len, "ab", CALL))
# expect: ('one', 1) ('two', 2) 2
bound = [("_CHECK_METHOD_CODE", id(K.m.__code__)), ("_INIT_CALL_BOUND_METHOD", 0)]
print(run(bound, K().m, 1, CALL), run(bound, one, 2, CALL), run(bound, [].append, 3, CALL))
# expect: ('m', 1) ('one', 2) None
