# Timer calls its function after the interval unless cancelled.
import threading
calls = []
t = threading.Timer(0.01, calls.append, args=["fired"])
t.start()
t.join()
print(calls, t.finished.is_set())
# expect: ['fired'] True
c = threading.Timer(10, calls.append, args=["cancelled"])
c.start()
c.cancel()
c.join()
print(calls)
# expect: ['fired']
k = threading.Timer(0, lambda **kw: calls.append(kw), kwargs={"x": 1})
k.start()
k.join()
print(calls[-1], isinstance(k, threading.Thread))
# expect: {'x': 1} True
