# _count() counts the threads started by _thread that are still running.
import _thread

print(_thread._count())  # expect: 0
gate = _thread.allocate_lock()
gate.acquire()
ready = _thread.allocate_lock()
ready.acquire()
arrived = [0]
guard = _thread.allocate_lock()

def wait():
    with guard:
        arrived[0] += 1
        if arrived[0] == 3:
            ready.release()
    gate.acquire()
    gate.release()

for _ in range(3):
    _thread.start_new_thread(wait, ())
ready.acquire()
print(_thread._count())  # expect: 3
gate.release()
while _thread._count():
    pass
print(_thread._count())  # expect: 0
