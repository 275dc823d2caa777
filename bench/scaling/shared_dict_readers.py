# Scaling workload (weft): every thread reads a shared dict; thread 0 also writes one key every 1024 reads.
from _driver import run

DEFAULT_SIZE = 6700000
KEYS = 1000

table = {k: k * 3 for k in range(KEYS)}
table['generation'] = 0


def work(size, index):
    d = table
    total = 0
    for i in range(size):
        total += d[i % KEYS]
        if index == 0 and i & 1023 == 0:
            d['generation'] = i
    return total


def check(results, threads, size):
    full, rest = divmod(size, KEYS)
    expected = full * 3 * KEYS * (KEYS - 1) // 2 + 3 * rest * (rest - 1) // 2
    for index, total in enumerate(results):
        if total != expected:
            raise AssertionError('thread %d summed %d, expected %d' % (index, total, expected))
    last = (size - 1) & ~1023 if size else 0
    if table['generation'] != last:
        raise AssertionError('generation %r, expected %r' % (table['generation'], last))
    return 'sum=%d' % expected


run('shared_dict_readers', work, DEFAULT_SIZE, check)
