# Several producers and consumers through a bounded queue lose nothing.
import queue
import threading
q = queue.Queue(maxsize=4)
got = []
lock = threading.Lock()


def producer(base):
    for i in range(200):
        q.put(base + i)


def consumer():
    while True:
        item = q.get()
        if item is None:
            return
        with lock:
            got.append(item)


producers = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(3)]
consumers = [threading.Thread(target=consumer) for _ in range(3)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
print(len(got), sorted(got) == sorted(k * 1000 + i for k in range(3) for i in range(200)))
# expect: 600 True
