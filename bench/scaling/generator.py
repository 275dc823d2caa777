# Scaling workload: creating and exhausting a small generator (ftscalingbench generator).
from _driver import run, all_equal

DEFAULT_SIZE = 1100000


def simple_gen():
    for i in range(10):
        yield i


def work(size, index):
    accu = 0
    for i in range(size):
        for v in simple_gen():
            accu += v
    return accu


def check(results, threads, size):
    return all_equal(results, 45 * size)


run('generator', work, DEFAULT_SIZE, check)
