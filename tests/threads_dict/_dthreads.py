# Support module of tests/threads_dict: run worker(0..n-1) on n threads with _thread, then return.
# Exceptions in a worker are collected and re-raised in the caller, so a test fails loudly.
import _thread


def run(worker, n):
    lock = _thread.allocate_lock()
    done = _thread.allocate_lock()
    done.acquire()
    state = {"left": n, "errors": []}

    def wrap(i):
        try:
            worker(i)
        except BaseException as e:
            with lock:
                state["errors"].append(repr(e))
        finally:
            with lock:
                state["left"] -= 1
                if state["left"] == 0:
                    done.release()

    for i in range(n):
        _thread.start_new_thread(wrap, (i,))
    done.acquire()
    if state["errors"]:
        raise RuntimeError("worker failed: " + state["errors"][0])
