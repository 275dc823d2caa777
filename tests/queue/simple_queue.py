# SimpleQueue: unbounded FIFO without task tracking.
import queue
import threading
q = queue.SimpleQueue()
print(q.empty(), q.qsize())
# expect: True 0
q.put(1)
q.put_nowait(2)
q.put(3, block=False, timeout=5)
print(q.qsize(), q.get(), q.get_nowait(), q.get(timeout=1), q.empty())
# expect: 3 1 2 3 True
for call in (q.get_nowait, lambda: q.get(False), lambda: q.get(timeout=0.05)):
    try:
        call()
    except queue.Empty:
        print("Empty")
# expect: Empty
# expect: Empty
# expect: Empty
t = threading.Thread(target=q.put, args=("from thread",))
t.start()
print(q.get())
# expect: from thread
t.join()
try:
    q.get(timeout=-1)
except ValueError as e:
    print(e)
# expect: 'timeout' must be a non-negative number
