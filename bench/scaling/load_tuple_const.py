# Scaling workload: comparing against a shared tuple constant (ftscalingbench load_tuple_const).
from _driver import run, all_equal

DEFAULT_SIZE = 16000000


def work(size, index):
    accu = 0
    for i in range(size):
        if i == (1, 2):
            accu += 7
        else:
            accu += 1
    return accu


def check(results, threads, size):
    return all_equal(results, size)


run('load_tuple_const', work, DEFAULT_SIZE, check)
