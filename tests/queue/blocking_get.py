# get() blocks until another thread puts; get(timeout) returns the item if it comes in time.
import queue
import threading
q = queue.Queue()
out = []
t = threading.Thread(target=lambda: out.append(q.get()))
t.start()
q.put("hello")
t.join()
print(out)
# expect: ['hello']
t = threading.Thread(target=lambda: out.append(q.get(timeout=30)))
t.start()
q.put("in time")
t.join()
print(out)
# expect: ['hello', 'in time']
