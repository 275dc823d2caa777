# _set_sentinel() returns an unlocked lock that the thread's end releases:
# threading's join is built on it.
import _thread

s = _thread._set_sentinel()
print(type(s) is _thread.LockType, s.locked())  # expect: True False

box = []
started = _thread.allocate_lock()
started.acquire()
go = _thread.allocate_lock()
go.acquire()

def work():
    lock = _thread._set_sentinel()
    lock.acquire()
    box.append(lock)
    started.release()
    go.acquire()
    box.append("finished")

_thread.start_new_thread(work, ())
started.acquire()
sentinel = box[0]
print(sentinel.locked())  # expect: True
print(sentinel.acquire(timeout=0.05))  # expect: False
go.release()
print(sentinel.acquire(timeout=10))  # expect: True
print(box[1])  # expect: finished
try:
    _thread._set_sentinel(1)
except TypeError as e:
    print(e)  # expect: _thread._set_sentinel() takes no arguments (1 given)
