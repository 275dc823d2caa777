# wait() on a Condition over an RLock held twice releases it completely and
# restores both levels afterwards.
import threading
r = threading.RLock()
cond = threading.Condition(r)
got = []


def other():
    with cond:          # possible only while the main thread waits
        got.append("in")
        cond.notify()


with cond:
    with cond:
        t = threading.Thread(target=other)
        t.start()
        print(cond.wait_for(lambda: got, timeout=30))
# expect: ['in']
    r.release()         # still held once: this release must succeed
    try:
        r.release()
    except RuntimeError as e:
        print(e)
# expect: cannot release un-acquired lock
    r.acquire()         # the with-block releases once more
t.join()
print("ok")
# expect: ok
