# Scaling workload (weft): an independent integer/float loop touching no shared object.
from _driver import run, all_equal

DEFAULT_SIZE = 4600000


def work(size, index):
    x = 12345
    f = 0.0
    for i in range(size):
        x = (x * 1103515245 + 12345) & 0x7fffffff
        f += (x & 1023) * 0.5
    return (x, f)


def check(results, threads, size):
    return all_equal(results, results[0]) if results else ''


run('independent_loop', work, DEFAULT_SIZE, check)
