# Scaling workload: calls to a C module function, math.floor (ftscalingbench cmodule_function).
import math
from _driver import run, all_equal

DEFAULT_SIZE = 6900000


def work(size, index):
    total = 0
    for i in range(size):
        total += math.floor(i * i)
    return total


def check(results, threads, size):
    n = size
    return all_equal(results, (n - 1) * n * (2 * n - 1) // 6)


run('cmodule_function', work, DEFAULT_SIZE, check)
