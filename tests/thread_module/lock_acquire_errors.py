# Lock.acquire checks blocking and timeout as CPython 3.11.
import _thread

lock = _thread.allocate_lock()

def attempt(*args, **kwargs):
    try:
        print(lock.acquire(*args, **kwargs))
        lock.release()
    except Exception as e:
        print(type(e).__name__, e)

attempt(False, 1)  # expect: ValueError can't specify a timeout for a non-blocking call
attempt(blocking=False, timeout=0.5)  # expect: ValueError can't specify a timeout for a non-blocking call
attempt(blocking=False, timeout=-1)  # expect: True
attempt(timeout=-2)  # expect: ValueError timeout value must be positive
attempt(timeout=-0.5)  # expect: ValueError timeout value must be positive
attempt(timeout=-1)  # expect: True
attempt(timeout=-1.0)  # expect: True
attempt(timeout="x")  # expect: TypeError 'str' object cannot be interpreted as an integer
attempt(timeout=None)  # expect: TypeError 'NoneType' object cannot be interpreted as an integer
attempt(timeout=float("nan"))  # expect: ValueError Invalid value NaN (not a number)
attempt(timeout=1e20)  # expect: OverflowError timestamp too large to convert to C _PyTime_t
attempt(timeout=2**70)  # expect: OverflowError timestamp too large to convert to C _PyTime_t
attempt(timeout=float("inf"))  # expect: OverflowError timestamp too large to convert to C _PyTime_t
attempt(timeout=_thread.TIMEOUT_MAX)  # expect: True
attempt(timeout=True)  # expect: True
attempt(None)  # expect: TypeError 'NoneType' object cannot be interpreted as an integer
attempt(1.0)  # expect: TypeError 'float' object cannot be interpreted as an integer
attempt(2**40)  # expect: OverflowError signed integer is greater than maximum
attempt(1, 2, 3)  # expect: TypeError acquire() takes at most 2 arguments (3 given)
attempt(x=1)  # expect: TypeError 'x' is an invalid keyword argument for acquire()
print(_thread.TIMEOUT_MAX)  # expect: 9223372036.0
try:
    lock.release(1)
except TypeError as e:
    print(e)  # expect: lock.release() takes no arguments (1 given)
for make in (_thread.LockType, lambda: _thread.allocate_lock(1)):
    try:
        make()
    except TypeError as e:
        print(e)
# expect: cannot create '_thread.lock' instances
# expect: _thread.allocate_lock() takes no arguments (1 given)
try:
    class Sub(_thread.LockType):
        pass
except TypeError as e:
    print(e)  # expect: type '_thread.lock' is not an acceptable base type
