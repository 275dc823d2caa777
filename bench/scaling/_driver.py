# weft: shared driver of the scaling workloads.
# (threads, size) from argv/env -> N threads doing identical work -> one self-checked line.
"""Run one scaling workload.

A workload module defines work(size, index) -> result and calls
run(NAME, work, DEFAULT_SIZE, check). The thread count and the per-thread
size come from the command line (`workload.py THREADS [SIZE]`) or from the
environment (WEFT_BENCH_THREADS, WEFT_BENCH_SIZE). Every thread, including
the only one when THREADS is 1, is a fresh threading.Thread that waits on a
barrier and then does the same `size` iterations, so the 1-thread figure pays
the same thread start-up as the N-thread ones. The harness (bench/run)
computes throughput = threads * size / wall time of the whole process.

check(results, threads, size) returns a short deterministic summary or raises
AssertionError; the line printed is identical under every correct
interpreter, so bench/run can compare it against the reference's line.
"""
import os
import sys
import threading


def params(default_size):
    args = sys.argv[1:]
    threads = int(args[0]) if args else int(os.environ.get('WEFT_BENCH_THREADS', '1'))
    if len(args) > 1:
        size = int(args[1])
    else:
        size = int(os.environ.get('WEFT_BENCH_SIZE', str(default_size)))
    return threads, size


def all_equal(results, expected):
    """The usual check: every thread computed `expected`."""
    for i, r in enumerate(results):
        if r != expected:
            raise AssertionError('thread %d computed %r, expected %r' % (i, r, expected))
    return repr(expected)


def run(name, work, default_size, check):
    threads, size = params(default_size)
    results = [None] * threads
    errors = []
    barrier = threading.Barrier(threads)

    def body(index):
        barrier.wait()
        try:
            results[index] = work(size, index)
        except BaseException as e:  # reported below, from the main thread
            errors.append('%s: %s' % (type(e).__name__, e))

    workers = [threading.Thread(target=body, args=(i,)) for i in range(threads)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    if errors:
        print('%s threads=%d size=%d FAILED %s' % (name, threads, size, errors[0]))
        sys.exit(1)
    try:
        summary = check(results, threads, size)
    except AssertionError as e:
        print('%s threads=%d size=%d FAILED %s' % (name, threads, size, e))
        sys.exit(1)
    print('%s threads=%d size=%d %s ok' % (name, threads, size, summary))
