# The scenarios' entry point on real threads (support module, not a test).
# It uses _thread rather than threading, so it needs nothing but the
# interpreter's own thread module (and runs the same under CPython).
import _thread


def run(worker, check, nthreads):
    """Run worker(0) .. worker(nthreads - 1) on threads, wait for all, then check()."""
    all_done = _thread.allocate_lock()
    count_lock = _thread.allocate_lock()
    remaining = [nthreads]
    all_done.acquire()

    def body(i):
        try:
            worker(i)
        finally:
            with count_lock:
                remaining[0] -= 1
                if remaining[0] == 0:
                    all_done.release()

    for i in range(nthreads):
        _thread.start_new_thread(body, (i,))
    all_done.acquire()
    check()
