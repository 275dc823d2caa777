# Sequential submissions reuse an idle worker instead of starting new ones.
import threading
from concurrent.futures import ThreadPoolExecutor
with ThreadPoolExecutor(4) as ex:
    names = set()
    for i in range(10):
        names.add(ex.submit(lambda: threading.current_thread().name).result())
    print(len(names), len(ex._threads) <= 2)
# expect: 1 True
