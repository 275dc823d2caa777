# A timed acquire of a held lock gives up after the timeout.
import _thread, time

lock = _thread.allocate_lock()
lock.acquire()
t0 = time.monotonic()
print(lock.acquire(timeout=0.2))  # expect: False
elapsed = time.monotonic() - t0
print(0.19 <= elapsed < 2.0)  # expect: True
t0 = time.monotonic()
print(lock.acquire(True, 0.05))  # expect: False
print(time.monotonic() - t0 >= 0.049)  # expect: True
