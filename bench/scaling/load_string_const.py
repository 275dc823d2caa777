# Scaling workload: comparing against a shared str constant (ftscalingbench load_string_const).
from _driver import run, all_equal

DEFAULT_SIZE = 15000000


def work(size, index):
    accu = 0
    for i in range(size):
        if i == 'a string':
            accu += 7
        else:
            accu += 1
    return accu


def check(results, threads, size):
    return all_equal(results, size)


run('load_string_const', work, DEFAULT_SIZE, check)
