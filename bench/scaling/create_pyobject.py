# Scaling workload: instantiating a shared empty class (ftscalingbench create_pyobject).
from _driver import run, all_equal

DEFAULT_SIZE = 1900000


class MyObject:
    pass


def work(size, index):
    count = 0
    for i in range(size):
        o = MyObject()
        count += 1
    return (count, type(o).__name__)


def check(results, threads, size):
    return all_equal(results, (size, 'MyObject'))


run('create_pyobject', work, DEFAULT_SIZE, check)
