# A bounded queue: put() raises Full without blocking or after the timeout,
# and blocks until a get() frees a slot.
import queue
import threading
q = queue.Queue(maxsize=2)
q.put(1)
q.put(2)
print(q.full(), q.qsize())
# expect: True 2
for call in (lambda: q.put(3, block=False), lambda: q.put_nowait(3), lambda: q.put(3, timeout=0.05)):
    try:
        call()
    except queue.Full:
        print("Full")
# expect: Full
# expect: Full
# expect: Full
try:
    q.put(3, timeout=-0.5)
except ValueError as e:
    print(e)
# expect: 'timeout' must be a non-negative number
t = threading.Thread(target=q.put, args=(3,))
t.start()
print(q.get())
# expect: 1
t.join()
print([q.get(), q.get()], q.empty(), q.full())
# expect: [2, 3] True False
u = queue.Queue(maxsize=0)
for i in range(1000):
    u.put_nowait(i)
print(u.full(), u.qsize())
# expect: False 1000
