# Scaling workload: a shared operator.methodcaller object called on ints (ftscalingbench method_caller).
from operator import methodcaller
from _driver import run, all_equal

DEFAULT_SIZE = 860000

bit_length = methodcaller('bit_length')


def work(size, index):
    total = 0
    for i in range(size):
        total += bit_length(i)
    return total


def check(results, threads, size):
    expected = sum(i.bit_length() for i in range(size))
    return all_equal(results, expected)


run('method_caller', work, DEFAULT_SIZE, check)
