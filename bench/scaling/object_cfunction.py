# Scaling workload: C methods (list.pop/append) on a thread-private list (ftscalingbench object_cfunction).
from _driver import run, all_equal

DEFAULT_SIZE = 8100000


def work(size, index):
    accu = 0
    tab = [1] * 100
    for i in range(size):
        tab.pop(0)
        tab.append(i)
        accu += tab[50]
    return accu


def check(results, threads, size):
    # After iteration i the list is 99-i ones then 0..i, so tab[50] is 1 for
    # i < 49 and i - 49 after.
    n = size
    expected = n if n <= 49 else 49 + (n - 50) * (n - 49) // 2
    return all_equal(results, expected)


run('object_cfunction', work, DEFAULT_SIZE, check)
