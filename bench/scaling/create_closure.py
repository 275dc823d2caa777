# Scaling workload: creating and calling a nested function per iteration (ftscalingbench create_closure).
from _driver import run, all_equal

DEFAULT_SIZE = 5900000


def work(size, index):
    total = 0
    for i in range(size):
        def foo(x):
            return x
        total += foo(i)
    return total


def check(results, threads, size):
    return all_equal(results, size * (size - 1) // 2)


run('create_closure', work, DEFAULT_SIZE, check)
