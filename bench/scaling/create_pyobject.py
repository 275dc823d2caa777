# Scaling workload: instantiating a shared empty class (ftscalingbench create_pyobject).
from _driver import run, all_equal

DEFAULT_SIZE = 8100000


class MyObject:
    pass


def work(size, index):
    count = 0
    o = None
    for i in range(size):
        o = MyObject()
        count += 1
    return (count, o is None or type(o) is MyObject)


def check(results, threads, size):
    return all_equal(results, (size, True))


run('create_pyobject', work, DEFAULT_SIZE, check)
