# Worker threads are named PREFIX_N; the default prefix is ThreadPoolExecutor-K.
import threading
from concurrent.futures import ThreadPoolExecutor
barrier = threading.Barrier(3)


def name():
    barrier.wait()
    return threading.current_thread().name


with ThreadPoolExecutor(3, thread_name_prefix="pool") as ex:
    print(sorted(ex.map(lambda _: name(), range(3))))
# expect: ['pool_0', 'pool_1', 'pool_2']
with ThreadPoolExecutor(1) as ex:
    n = ex.submit(lambda: threading.current_thread().name).result()
    print(n.startswith("ThreadPoolExecutor-"), n.endswith("_0"))
# expect: True True
