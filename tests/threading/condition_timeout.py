# wait(timeout) and wait_for(predicate, timeout) give up after the timeout.
import threading
import time
cond = threading.Condition()
with cond:
    start = time.monotonic()
    print(cond.wait(0.05), time.monotonic() - start >= 0.04)
# expect: False True
    print(cond.wait(0), cond.wait(-1))
# expect: False False
    print(cond.wait_for(lambda: False, timeout=0.05), cond.wait_for(lambda: 7, timeout=0))
# expect: False 7
    calls = []
    print(cond.wait_for(lambda: calls.append(1), timeout=0.02), len(calls) >= 2)
# expect: None True
flag = []


def setter():
    with cond:
        flag.append(1)
        cond.notify()


with cond:
    t = threading.Thread(target=setter)
    t.start()
    print(cond.wait_for(lambda: flag, timeout=10))
# expect: [1]
t.join()
