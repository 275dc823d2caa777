# Scaling workload: a shared operator.methodcaller object called on ints (ftscalingbench method_caller).
from operator import methodcaller
from _driver import run, all_equal

DEFAULT_SIZE = 5400000

bit_length = methodcaller('bit_length')


def work(size, index):
    total = 0
    for i in range(size):
        total += bit_length(i)
    return total


def bit_lengths_below(n):
    """sum(i.bit_length() for i in range(n)) without a loop of n steps."""
    total, k = 0, 1
    while (1 << (k - 1)) < n:
        lo, hi = 1 << (k - 1), min(1 << k, n)
        total += k * (hi - lo)
        k += 1
    return total


def check(results, threads, size):
    return all_equal(results, bit_lengths_below(size))


run('method_caller', work, DEFAULT_SIZE, check)
