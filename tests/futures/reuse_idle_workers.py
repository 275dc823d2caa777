# Sequential submissions reuse an idle worker instead of starting new ones.
import threading
import time
from concurrent.futures import ThreadPoolExecutor
with ThreadPoolExecutor(4) as ex:
    names = set()
    for i in range(10):
        names.add(ex.submit(lambda: threading.current_thread().name).result())
        # The worker counts itself idle just after finishing the call.
        while ex._idle_semaphore._value == 0:
            time.sleep(0.001)
    print(len(names), len(ex._threads))
# expect: 1 1
