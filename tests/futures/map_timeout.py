# map(timeout=...) raises TimeoutError when a result is late.
import threading
from concurrent.futures import ThreadPoolExecutor
gate = threading.Event()
with ThreadPoolExecutor(1) as ex:
    it = ex.map(lambda x: gate.wait(), [1], timeout=0.05)
    try:
        next(it)
    except TimeoutError as e:
        print("TimeoutError", repr(str(e)))
# expect: TimeoutError ''
    gate.set()
