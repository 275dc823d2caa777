# wait(FIRST_EXCEPTION) returns when a future raises (or all are done).
import threading
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_EXCEPTION
gate = threading.Event()


def fail():
    raise OSError("failed")


with ThreadPoolExecutor(2) as ex:
    slow = ex.submit(gate.wait)
    bad = ex.submit(fail)
    done, not_done = wait([slow, bad], return_when=FIRST_EXCEPTION)
    print([str(f.exception()) for f in done], not_done == {slow})
# expect: ['failed'] True
    gate.set()
    ok = [ex.submit(abs, -i) for i in range(3)]
    done, not_done = wait(ok, return_when=FIRST_EXCEPTION)
    print(len(done), len(not_done))
# expect: 3 0
