# Condition: a consumer waits until a producer notifies.
import threading
cond = threading.Condition()
items = []
got = []


def consumer():
    with cond:
        while not items:
            cond.wait()
        got.append(items.pop())


t = threading.Thread(target=consumer)
t.start()
with cond:
    items.append("x")
    cond.notify()
t.join()
print(got)
# expect: ['x']
