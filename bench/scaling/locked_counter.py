# Scaling workload (weft): one shared counter incremented under one threading.Lock.
# Contended by design: the ideal line is not the goal, collapse under many threads is the thing to watch.
import threading
from _driver import run

DEFAULT_SIZE = 3600000

lock = threading.Lock()
counter = [0]


def work(size, index):
    for i in range(size):
        with lock:
            counter[0] += 1
    return size


def check(results, threads, size):
    if counter[0] != threads * size:
        raise AssertionError('counter is %d, expected %d' % (counter[0], threads * size))
    return 'counter=%d' % counter[0]


run('locked_counter', work, DEFAULT_SIZE, check)
