# weft-only: malformed hand-built traces are rejected with clean errors
import _weft

def f(a):
    return a

for trace in ([], [("NO_SUCH_UOP", 0, 0, 0), ("_EXIT_TRACE", 0, 0, 0)], [("LOAD_FAST", 0, 0, 0)],
              [("LOAD_FAST", 0, 999, 0), ("_EXIT_TRACE", 0, 0, 0)], [(1, 2)]):
    try:
        _weft.uop_run(f, (1,), trace)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("_EXIT_TRACE" in _weft.uop_names(), "LOAD_FAST" in _weft.uop_names())
# expect: ValueError _weft.uop_run(): a trace ends with _EXIT_TRACE or _JUMP_TO_TOP
# expect: ValueError unknown uop 'NO_SUCH_UOP'
# expect: ValueError _weft.uop_run(): a trace ends with _EXIT_TRACE or _JUMP_TO_TOP
# expect: ValueError _weft.uop_run(): a uop is (name, oparg, target offset, operand)
# expect: ValueError _weft.uop_run(): a uop is (name, oparg, target offset, operand)
# expect: True True
