# Scaling workload (weft): every thread puts batches into one shared queue.Queue and takes as many out.
# Items cross threads; a thread never waits forever because it has always put what it takes.
import queue
from _driver import run

DEFAULT_SIZE = 470000
BATCH = 16

shared = queue.Queue()


def work(size, index):
    got = 0
    for start in range(0, size, BATCH):
        stop = min(start + BATCH, size)
        for i in range(start, stop):
            shared.put(i)
        for i in range(start, stop):
            got += shared.get()
    return got


def check(results, threads, size):
    expected = threads * (size * (size - 1) // 2)
    if sum(results) != expected or not shared.empty():
        raise AssertionError('consumed %d, produced %d' % (sum(results), expected))
    return 'items=%d' % (threads * size)


run('producer_consumer', work, DEFAULT_SIZE, check)
