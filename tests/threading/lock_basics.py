# threading.Lock: acquire/release, non-blocking and timed acquire, with.
import threading
import time
lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(blocking=False))
# expect: True True False False
start = time.monotonic()
print(lock.acquire(timeout=0.05), time.monotonic() - start >= 0.04)
# expect: False True
lock.release()
print(lock.locked())
# expect: False
try:
    lock.release()
except RuntimeError as e:
    print(e)
# expect: release unlocked lock
with lock:
    print(lock.locked())
# expect: True
print(lock.locked(), type(lock) is threading.Lock().__class__)
# expect: False True
try:
    lock.acquire(False, 1)
except ValueError as e:
    print(e)
# expect: can't specify a timeout for a non-blocking call
