# task_done() more often than put().
import queue
q = queue.Queue()
q.put("x")
q.get()
q.task_done()
try:
    q.task_done()
except ValueError as e:
    print(e)
# expect: task_done() called too many times
q.join()
print("join returns at once")
# expect: join returns at once
