# SystemExit (also from _thread.exit()) ends a thread silently.
import _thread, sys

done = _thread.allocate_lock()
done.acquire()
log = []

def by_exit():
    log.append("a")
    try:
        _thread.exit()
    finally:
        done.release()
    log.append("not reached")

def by_sys_exit(code):
    log.append("b")
    try:
        sys.exit(code)
    finally:
        done.release()

_thread.start_new_thread(by_exit, ())
done.acquire()
_thread.start_new_thread(by_sys_exit, (3,))
done.acquire()
while _thread._count():
    pass
print(log)  # expect: ['a', 'b']
print(_thread.exit_thread is _thread.exit or _thread.exit_thread.__name__)  # expect: exit_thread
try:
    _thread.exit()
except SystemExit as e:
    print("SystemExit", e.args)  # expect: SystemExit ()
try:
    _thread.exit(1)
except TypeError as e:
    print(e)  # expect: _thread.exit() takes no arguments (1 given)
