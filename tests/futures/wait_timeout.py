# wait(timeout) returns what is done when the time is up.
import threading
from concurrent.futures import ThreadPoolExecutor, wait
gate = threading.Event()
with ThreadPoolExecutor(2) as ex:
    blocked = ex.submit(gate.wait)
    quick = ex.submit(int, "5")
    quick.result()
    done, not_done = wait([blocked, quick], timeout=0.05)
    print(done == {quick}, not_done == {blocked})
# expect: True True
    gate.set()
    gate2 = threading.Event()
    blocked2 = ex.submit(gate2.wait)
    try:
        wait([blocked2], timeout=0.05, return_when="SOMETIME")
    except ValueError as e:
        print(e)
# expect: Invalid return condition: 'SOMETIME'
    gate2.set()
