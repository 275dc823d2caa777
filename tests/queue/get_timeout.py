# get() on an empty queue: Empty at once without blocking, after the timeout with one.
import queue
import time
q = queue.Queue()
try:
    q.get(block=False)
except queue.Empty as e:
    print("Empty", repr(e))
# expect: Empty Empty()
start = time.monotonic()
try:
    q.get(timeout=0.05)
except queue.Empty:
    print("Empty after", time.monotonic() - start >= 0.04)
# expect: Empty after True
try:
    q.get(timeout=-1)
except ValueError as e:
    print(e)
# expect: 'timeout' must be a non-negative number
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
# expect: True True
