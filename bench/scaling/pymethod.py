# Scaling workload: Python method calls on instances of a shared class (ftscalingbench pymethod).
from _driver import run, all_equal

DEFAULT_SIZE = 10000000


class Counter:
    def __init__(self):
        self.i = 0

    def next_number(self):
        self.i += 1
        return self.i


def work(size, index):
    c = Counter()
    for i in range(size):
        c.next_number()
    return c.i


def check(results, threads, size):
    return all_equal(results, size)


run('pymethod', work, DEFAULT_SIZE, check)
