# Scaling workload: reads of a shared threading.local from every thread (ftscalingbench thread_local_read).
import threading
from _driver import run

DEFAULT_SIZE = 3800000

thread_local = threading.local()


def work(size, index):
    tmp = thread_local
    tmp.x = 10 + index
    seen = 0
    for i in range(size):
        _ = tmp.x
        _ = tmp.x
        _ = tmp.x
        _ = tmp.x
        seen += tmp.x
    return seen


def check(results, threads, size):
    # Each thread must see only its own value: a shared slot would mix them.
    for index, seen in enumerate(results):
        if seen != (10 + index) * size:
            raise AssertionError('thread %d read %r' % (index, seen))
    return 'isolated'


run('thread_local_read', work, DEFAULT_SIZE, check)
