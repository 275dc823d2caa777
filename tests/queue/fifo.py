# Queue is first-in first-out.
import queue
q = queue.Queue()
for i in range(5):
    q.put(i)
print([q.get() for _ in range(5)], q.empty())
# expect: [0, 1, 2, 3, 4] True
for i in range(100):
    q.put(i)
out = []
for i in range(50):
    out.append(q.get())
    q.put(100 + i)
while not q.empty():
    out.append(q.get())
print(out == list(range(150)))
# expect: True
