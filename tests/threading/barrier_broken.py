# A barrier breaks on a timeout or abort(); reset() repairs it.
import threading
b = threading.Barrier(2)
try:
    b.wait(timeout=0.05)
except threading.BrokenBarrierError:
    print("timed out", b.broken)
# expect: timed out True
print(issubclass(threading.BrokenBarrierError, RuntimeError))
# expect: True
try:
    b.wait()
except threading.BrokenBarrierError:
    print("still broken")
# expect: still broken
b.reset()
print(b.broken)
# expect: False
results = []


def waiter():
    try:
        b.wait()
        results.append("passed")
    except threading.BrokenBarrierError:
        results.append("broken")


t = threading.Thread(target=waiter)
t.start()
while b.n_waiting == 0:
    pass
print(b.n_waiting)
# expect: 1
b.abort()
t.join()
print(results, b.broken)
# expect: ['broken'] True
b.reset()
t = threading.Thread(target=waiter)
t.start()
b.wait()
t.join()
print(results)
# expect: ['broken', 'passed']
