# put_nowait/get_nowait on every queue kind.
import queue
for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls(1)
    q.put_nowait(5)
    try:
        q.put_nowait(6)
    except queue.Full:
        pass
    first = q.get_nowait()
    try:
        q.get_nowait()
    except queue.Empty:
        print(cls.__name__, first, "Empty")
# expect: Queue 5 Empty
# expect: LifoQueue 5 Empty
# expect: PriorityQueue 5 Empty
