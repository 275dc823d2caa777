# Scaling workload: calls to a shared module-level Python function (ftscalingbench pyfunction).
from _driver import run, all_equal

DEFAULT_SIZE = 12000000


def next_number(i):
    return i + 1


def work(size, index):
    accu = 0
    for i in range(size):
        accu = next_number(i)
    return accu


def check(results, threads, size):
    return all_equal(results, size)


run('pyfunction', work, DEFAULT_SIZE, check)
