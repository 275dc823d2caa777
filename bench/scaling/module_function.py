# Scaling workload: a function reached through a module attribute (ftscalingbench module_function).
import sys
from _driver import run, all_equal

DEFAULT_SIZE = 9400000


def double(x):
    return x + x


module = sys.modules[__name__]


def work(size, index):
    total = 0
    for i in range(size):
        total += module.double(i)
    return total


def check(results, threads, size):
    return all_equal(results, size * (size - 1))


run('module_function', work, DEFAULT_SIZE, check)
