# shutdown(cancel_futures=True) cancels queued calls; a running one finishes;
# a queued future can be cancelled by hand.
import threading
from concurrent.futures import ThreadPoolExecutor
gate = threading.Event()
started = threading.Event()


def first():
    started.set()
    gate.wait()
    return "ran"


ex = ThreadPoolExecutor(1)
running = ex.submit(first)
started.wait()
queued = [ex.submit(print, "never") for _ in range(3)]
print(running.cancel(), queued[0].cancel(), queued[0].cancelled())
# expect: False True True
ex.shutdown(wait=False, cancel_futures=True)
print([f.cancelled() for f in queued])
# expect: [True, True, True]
gate.set()
ex.shutdown(wait=True)
print(running.result(), running.cancelled())
# expect: ran False
