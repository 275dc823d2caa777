# Scaling workload: building a one-item dict display per iteration (ftscalingbench create_dict).
from _driver import run, all_equal

DEFAULT_SIZE = 9500000


def work(size, index):
    n = 0
    for i in range(size):
        d = {
            "key": "value",
        }
        n += len(d)
    return n


def check(results, threads, size):
    return all_equal(results, size)


run('create_dict', work, DEFAULT_SIZE, check)
