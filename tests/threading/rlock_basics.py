# threading.RLock: reentrant for its owner, released by its owner only.
import threading
r = threading.RLock()
print(r.acquire(), r.acquire(), r.acquire(blocking=False))
# expect: True True True
r.release()
r.release()
other = []
t = threading.Thread(target=lambda: other.append(r.acquire(timeout=0.05)))
t.start()
t.join()
print(other)
# expect: [False]
r.release()


def release_foreign():
    try:
        r.release()
    except RuntimeError as e:
        other.append(str(e))


r.acquire()
t = threading.Thread(target=release_foreign)
t.start()
t.join()
print(other[1])
# expect: cannot release un-acquired lock
r.release()
try:
    r.release()
except RuntimeError as e:
    print(e)
# expect: cannot release un-acquired lock
with r:
    with r:
        print("nested")
# expect: nested
