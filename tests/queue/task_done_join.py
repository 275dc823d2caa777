# join() waits until every item put has been marked task_done().
import queue
import threading
q = queue.Queue()
processed = []


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        processed.append(item * 2)
        q.task_done()


ts = [threading.Thread(target=worker) for _ in range(3)]
for t in ts:
    t.start()
for i in range(30):
    q.put(i)
q.join()
print(len(processed), sum(processed), q.unfinished_tasks)
# expect: 30 870 0
for t in ts:
    q.put(None)
q.join()
for t in ts:
    t.join()
print("all done")
# expect: all done
