# RLock.acquire checks its arguments as Lock.acquire does.
import _thread

r = _thread.RLock()
def attempt(*args, **kwargs):
    try:
        print(r.acquire(*args, **kwargs))
        r.release()
    except Exception as e:
        print(type(e).__name__, e)

attempt(False, 1)  # expect: ValueError can't specify a timeout for a non-blocking call
attempt(timeout=-2)  # expect: ValueError timeout value must be positive
attempt(timeout="1")  # expect: TypeError 'str' object cannot be interpreted as an integer
attempt(1, 2, 3)  # expect: TypeError acquire() takes at most 2 arguments (3 given)
attempt(blocking=0)  # expect: True
try:
    r.__exit__(None, None, None)
except RuntimeError as e:
    print(e)  # expect: cannot release un-acquired lock
print(hasattr(r, "locked"))  # expect: False
