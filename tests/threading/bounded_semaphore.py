# BoundedSemaphore refuses to go above its initial value.
import threading
b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print(e)
# expect: Semaphore released too many times
b.acquire()
b.acquire()
try:
    b.release(3)
except ValueError as e:
    print(e)
# expect: Semaphore released too many times
b.release(2)
print(b.acquire(False), b.acquire(False), b.acquire(False))
# expect: True True False
print(isinstance(b, threading.Semaphore))
# expect: True
