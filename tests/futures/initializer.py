# initializer(*initargs) runs first in every worker; if it fails, the pool breaks.
import threading
from concurrent.futures import ThreadPoolExecutor, BrokenExecutor
from concurrent.futures.thread import BrokenThreadPool
seen = []


def init(tag):
    seen.append((tag, threading.current_thread().name))


with ThreadPoolExecutor(1, initializer=init, initargs=("ready",), thread_name_prefix="w") as ex:
    print(ex.submit(lambda: len(seen)).result(), seen)
# expect: 1 [('ready', 'w_0')]


def bad_init():
    raise RuntimeError("no init")


ex = ThreadPoolExecutor(1, initializer=bad_init)
f = ex.submit(print, "never")
try:
    f.result()
except BrokenExecutor as e:
    print(type(e).__name__, isinstance(e, BrokenThreadPool), e)
# expect: BrokenThreadPool True A thread initializer failed, the thread pool is not usable anymore
try:
    ex.submit(print, "never")
except BrokenThreadPool as e:
    print("submit:", e)
# expect: submit: A thread initializer failed, the thread pool is not usable anymore
ex.shutdown()
# expect stderr: Exception in initializer:
# expect stderr: RuntimeError: no init
