# weft stress: shared helpers of the Python torture scenarios (stress/*.py).
# WF_STRESS_LONG -> sizes; threads run with their exceptions caught -> exact checks -> "NAME: ok" or exit 1.
"""Helpers every Python scenario uses.

A scenario makes a Scenario(name), runs parts with `part(title)`, starts its
threads with `run(...)` (or `start`/`join_all`) so that an exception in any
thread, or a thread that never finishes, fails the run, checks its results
exactly with `equal`/`check`, and ends with `done()`.

Sizes: `size(short, long)` is `short` unless WF_STRESS_LONG is set to
something other than '' or '0' in the environment, as for the C drivers.
WF_STRESS_SCALE=F multiplies the chosen size (at least 1), for quick local
runs (0.1) or heavier ones; WF_STRESS_VERBOSE=1 prints each part as it starts.

Only `threading`, `sys`, `time` and `os` (for the environment) are used here,
so the scenarios run on CPython 3.11, the reference for their results.
"""
import os
import sys
import threading
import time

LONG = os.environ.get('WF_STRESS_LONG', '') not in ('', '0')
SCALE = float(os.environ.get('WF_STRESS_SCALE', '1') or '1')
# A thread still running this long after the others were joined is a hang.
JOIN_SECONDS = float(os.environ.get('WF_STRESS_JOIN_SECONDS', '300'))
# WF_STRESS_VERBOSE=1 prints each part as it starts (where did it crash?).
VERBOSE = os.environ.get('WF_STRESS_VERBOSE', '') not in ('', '0')

# Under a GIL (CPython, weft with PYTHON_GIL=1) switch threads as often as
# possible so the races get interleavings at all.
if hasattr(sys, 'setswitchinterval'):
    sys.setswitchinterval(1e-6)


def size(short, long):
    n = long if LONG else short
    return max(1, int(n * SCALE))


class Failure(Exception):
    """A wrong result seen inside a worker thread (reported by the runner)."""


class Scenario:
    def __init__(self, name):
        self.name = name
        self.checks = 0
        self.parts = 0
        self.t0 = time.perf_counter()
        self.errors = []
        self.errors_lock = threading.Lock()
        self.title = ''

    # -- reporting

    def part(self, title):
        self.title = title
        self.parts += 1
        if VERBOSE:
            print('%s: part %d: %s' % (self.name, self.parts, title), flush=True)

    def fail(self, message):
        # In a worker, raise: the runner reports it after the join.
        if threading.current_thread() is not threading.main_thread():
            raise Failure(message)
        where = ' [%s]' % self.title if self.title else ''
        print('%s%s: FAIL: %s' % (self.name, where, message), flush=True)
        sys.exit(1)

    def check(self, condition, message):
        self.checks += 1
        if not condition:
            self.fail(message)

    def equal(self, got, want, what):
        self.checks += 1
        if got != want:
            self.fail('%s: got %s, expected %s' % (what, short_repr(got), short_repr(want)))

    def done(self):
        mode = 'long' if LONG else 'short'
        print('%s: ok (%d parts, %d checks, %s mode, %.2f s)'
              % (self.name, self.parts, self.checks, mode, time.perf_counter() - self.t0))

    # -- threads

    def wrap(self, func, args):
        def body():
            try:
                func(*args)
            except BaseException as e:
                with self.errors_lock:
                    self.errors.append('%s in %s%r: %s' % (type(e).__name__,
                                       getattr(func, '__name__', '?'), args, e))
        return body

    def start(self, func, *args):
        """Start one daemon worker (daemon: a hang cannot keep the process alive after a failure)."""
        t = threading.Thread(target=self.wrap(func, args), daemon=True)
        t.start()
        return t

    def join_all(self, threads):
        deadline = time.monotonic() + JOIN_SECONDS
        for t in threads:
            t.join(max(0.0, deadline - time.monotonic()))
            if t.is_alive():
                self.fail('a thread still runs %d s after the join started (deadlock?)'
                          % JOIN_SECONDS)
        if self.errors:
            self.fail('%d thread(s) raised; first: %s' % (len(self.errors), self.errors[0]))

    def run(self, jobs):
        """jobs: a list of (func, args...) tuples; run them all at once and join."""
        threads = [self.start(job[0], *job[1:]) for job in jobs]
        self.join_all(threads)

    def race(self, callers, write, read, final_check, cleanup=None):
        """`callers` threads loop on read(c) while write() runs in this thread;
        when it is done (then cleanup(), if given, even if write raised) they
        meet at a barrier and each returns final_check(): the list of those
        results (the writer's last state must be visible to every caller)."""
        stop = threading.Event()
        after = threading.Barrier(callers + 1)
        finals = [None] * callers

        def caller(c):
            try:
                while not stop.is_set():
                    read(c)
            except BaseException:
                after.abort()              # do not keep the others waiting
                raise
            after.wait(60)
            finals[c] = final_check()
        threads = [self.start(caller, c) for c in range(callers)]
        try:
            write()
        finally:
            if cleanup:
                cleanup()
            stop.set()
        try:
            after.wait(60)
        except threading.BrokenBarrierError:
            pass                           # a caller failed: join_all reports why
        self.join_all(threads)
        return finals


def short_repr(x):
    r = repr(x)
    return r if len(r) <= 200 else r[:200] + '...'
