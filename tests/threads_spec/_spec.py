# Support module of tests/threads_spec: warmed-up readers race one writer, then everyone checks the final state.
# readers run read(c) until hot, meet the writer at a barrier, loop while it writes; a late thread joins at the end.
"""race(): the shape of every test in this directory.

Each of `readers` threads first calls read(c) WARM times, so that the
instructions of `read` are specialized in that thread's copy of the code
before anything changes. Then all of them and the writer (the calling
thread) meet at a barrier; the writer waits until every reader is looping
again, then calls write(k) for k in range(steps) and end() if given, pausing
every PACE steps until the readers have made progress (so their reads
really interleave with the writes, also under a GIL or a slow sanitizer).
The readers keep calling read(c) until the writer is done (and at least
MIN_READS times), then meet again and each returns final(c). A thread
started after the writer finished runs read() WARM times and final() too:
it may inherit another thread's warmed-up bytecode, whose guards must fail
on the changed objects like anyone's. read(c) gets c == readers there, so
per-reader lists have readers + 1 entries.

read(c) raises Bad (or anything) for a result CPython could not give; the
first exception of any thread makes race() raise it in the caller, so the
test's expected output is not printed. Returns the list of final(c) results,
readers first, the late thread last.
"""
import sys
import threading
import time

WARM = 200          # calls before the barrier: enough to specialize and re-specialize
MIN_READS = 300     # calls after it, even if the writer was quick
PACE = 32           # writes between waits for the readers' progress
SPINS = 200         # sleep(0)s a wait lasts at most

if hasattr(sys, 'setswitchinterval'):
    sys.setswitchinterval(1e-5)   # under a GIL: let the readers interleave with the writer


class Bad(Exception):
    """A result no interleaving of the writer and the readers could give."""


def race(readers, steps, write, read, final=None, end=None, warm=WARM, late=True):
    start = threading.Barrier(readers + 1)
    after = threading.Barrier(readers + 1)
    stop = [False]
    count = [0] * readers
    finals = [None] * (readers + 1)
    errors = []

    def guarded(body, *args):
        try:
            body(*args)
        except BaseException as e:
            errors.append('%s: %s' % (type(e).__name__, e))
            stop[0] = True
            start.abort()
            after.abort()

    def reader(c):
        for _ in range(warm):
            read(c)
        start.wait(60)
        n = 0
        while not stop[0] or n < MIN_READS:
            read(c)
            n += 1
            count[c] = n
        after.wait(60)
        if final is not None:
            finals[c] = final(c)

    def progress(seen):
        # Wait (bounded) until every reader has read since `seen`.
        for _ in range(SPINS):
            if errors or all(count[c] > seen[c] for c in range(readers)):
                break
            time.sleep(0)
        return list(count)

    def writer():
        start.wait(60)
        seen = progress([0] * readers)
        for k in range(steps):
            write(k)
            if k % PACE == PACE - 1:
                seen = progress(seen)
        if end is not None:
            end()

    threads = [threading.Thread(target=guarded, args=(reader, c)) for c in range(readers)]
    for t in threads:
        t.start()
    try:
        guarded(writer)
    finally:
        stop[0] = True
    try:
        after.wait(60)
    except threading.BrokenBarrierError:
        pass
    for t in threads:
        t.join()
    if late and not errors:
        def late_reader(c):
            for _ in range(warm):
                read(c)
            if final is not None:
                finals[c] = final(c)
        t = threading.Thread(target=guarded, args=(late_reader, readers))
        t.start()
        t.join()
    if errors:
        raise Bad('%d thread(s) failed; first: %s' % (len(errors), errors[0]))
    return finals


def tagged(k):
    """A fresh function (a method when stored on a class) returning k:
    writers install increasing tags, monotonic() checks the readers."""
    def f(self):
        return k
    return f


def lasts(n):
    """The state of monotonic() for n threads."""
    return [{} for _ in range(n)]


def monotonic(last, c, v, what):
    """Reads at one place (`what`) of one location by one thread never go back
    in time: writers store increasing values. last = lasts(threads).
    (Reads of one location at different places of a thread's code must not
    either: coherence.py checks that for class attributes.)"""
    prev = last[c].get(what)
    if prev is not None and v < prev:
        raise Bad('%s went back from %r to %r' % (what, prev, v))
    last[c][what] = v
