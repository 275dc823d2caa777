# Scaling workload: float multiplication by a constant (ftscalingbench mult_constant).
from _driver import run, all_equal

DEFAULT_SIZE = 29000000


def work(size, index):
    x = 1.0
    for i in range(size):
        x *= 1.0000001
    return x


def check(results, threads, size):
    # Every thread does the same rounding steps, so the floats are bit-identical.
    return all_equal(results, results[0]) if results else ''


run('mult_constant', work, DEFAULT_SIZE, check)
