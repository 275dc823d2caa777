# weft-only: PYTHON_SPECIALIZATION_STATS=1 prints per-family counters at exit
# env: PYTHON_SPECIALIZATION_STATS=1
def f(n):
    total = 0
    for i in range(n):
        total += i
    return total

print(f(1000))
# expect: 499500
# expect stderr: specialization statistics (PYTHON_SPECIALIZATION_STATS):
# expect stderr: FOR_ITER: executed 1001
