# wait/notify without holding the lock.
import threading
cond = threading.Condition()
for op in (cond.wait, cond.notify, cond.notify_all):
    try:
        op()
    except RuntimeError as e:
        print(e)
# expect: cannot wait on un-acquired lock
# expect: cannot notify on un-acquired lock
# expect: cannot notify on un-acquired lock
plain = threading.Condition(threading.Lock())
try:
    plain.wait(0.01)
except RuntimeError as e:
    print(e)
# expect: cannot wait on un-acquired lock
with plain:
    print(plain.wait(0.01))
# expect: False
