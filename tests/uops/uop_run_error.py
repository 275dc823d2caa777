# weft-only: an error raised inside a uop trace unwinds through tier 1
# LOAD_FAST of an unbound local raises UnboundLocalError inside the trace;
# the frame resumes in tier 1 as that instruction's error: the handler of
# the try block catches it, with the line of the failing instruction.
import _weft

def f(a):
    try:
        return x
    except UnboundLocalError as e:
        return "caught: " + str(e)
    x = 1

ins = _weft.instructions(f)
load_x = [off for off, name, arg in ins if name == "LOAD_FAST" and arg == 1][0]
print(_weft.uop_run(f, (5,), [("LOAD_FAST", 1, load_x, 0), ("_EXIT_TRACE", 0, 0, 0)]))

def g(a):
    return y
    y = 2

ins = _weft.instructions(g)
load_y = [off for off, name, arg in ins if name == "LOAD_FAST" and arg == 1][0]
try:
    _weft.uop_run(g, (5,), [("LOAD_FAST", 1, load_y, 0), ("_EXIT_TRACE", 0, 0, 0)])
except UnboundLocalError as e:
    print(type(e).__name__, e.__traceback__.tb_next.tb_lineno)
# expect: caught: cannot access local variable 'x' where it is not associated with a value
# expect: UnboundLocalError 19
