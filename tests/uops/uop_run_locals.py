# weft-only: _weft.uop_run runs a hand-built tier-2 trace on a real frame
# A trace of generic uops (LOAD_FAST, STORE_FAST) runs first; when it exits,
# tier 1 continues at the exit's target with the frame the trace left.
import _weft

def f(a, b):
    c = a
    return c

ins = _weft.instructions(f)
print([name for _, name, _ in ins][:4])
# The trace stores b into c, then exits to `LOAD_FAST c` (skipping `c = a`).
target = ins[2][0]
print(_weft.uop_run(f, (1, 2), [("LOAD_FAST", 1, 0, 0), ("STORE_FAST", 2, 0, 0), ("_EXIT_TRACE", 0, target, 0)]))
# An empty-bodied trace exits at once: f runs as usual.
print(_weft.uop_run(f, (1, 2), [("_EXIT_TRACE", 0, 0, 0)]))
# expect: ['LOAD_FAST', 'STORE_FAST', 'LOAD_FAST', 'RETURN_VALUE']
# expect: 2
# expect: 1
