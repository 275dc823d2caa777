# The scenarios' entry point under the threading module (support module).
import threading


def run(worker, check, nthreads):
    """Run worker(0) .. worker(nthreads - 1) on threads, join them, then check()."""
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check()
