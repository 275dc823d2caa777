# weft-only: PYTHON_SPECIALIZE=0 keeps every instruction generic
# env: PYTHON_SPECIALIZE=0
import _weft

def f(n):
    total = 0
    for i in range(n):
        total += i
    return total

print(f(1000))
print([name for _, name, _ in _weft.specialized(f)] == [name for _, name, _ in _weft.instructions(f)])
# expect: 499500
# expect: True
