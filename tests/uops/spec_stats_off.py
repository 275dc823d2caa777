# weft-only: PYTHON_SPECIALIZE=0 keeps every instruction generic
# env: PYTHON_SPECIALIZE=0
# (superinstructions still pair neighbours: LOAD_FAST__LOAD_FAST runs a
# LOAD_FAST and the next instruction, so its first half is the name compiled)
import _weft

def f(n):
    total = 0
    for i in range(n):
        total += i
    return total

print(f(1000))
compiled = [name for _, name, _ in _weft.instructions(f)]
running = [name for _, name, _ in _weft.specialized(f)]
print([r.split('__')[0] for r in running] == compiled, sorted({r for r in running if '__' in r}))
# expect: 499500
# expect: True ['LOAD_FAST__LOAD_FAST', 'STORE_FAST__LOAD_FAST']
