# wait(FIRST_COMPLETED) returns as soon as one future is done.
import threading
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED
gate = threading.Event()
with ThreadPoolExecutor(2) as ex:
    slow = ex.submit(gate.wait)
    fast = ex.submit(lambda: "fast")
    done, not_done = wait([slow, fast], return_when=FIRST_COMPLETED)
    print([f.result() for f in done], not_done == {slow})
# expect: ['fast'] True
    gate.set()
