# LifoQueue is last-in first-out.
import queue
q = queue.LifoQueue()
for c in "abc":
    q.put(c)
print(q.get(), q.get(), q.qsize(), q.get(), q.empty())
# expect: c b 1 a True
