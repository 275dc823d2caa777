# _thread locks: acquire, release, locked, the obsolete aliases, with, repr.
import _thread

lock = _thread.allocate_lock()
print(type(lock) is _thread.LockType)  # expect: True
print(_thread.LockType.__name__, _thread.LockType.__module__)  # expect: lock _thread
print(repr(lock).startswith("<unlocked _thread.lock object at 0x"))  # expect: True
print(lock.locked(), lock.acquire(), lock.locked())  # expect: False True True
print(repr(lock).startswith("<locked _thread.lock object at 0x"))  # expect: True
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(timeout=0))  # expect: False False False
print(lock.release(), lock.locked())  # expect: None False
print(lock.acquire_lock(), lock.locked_lock(), lock.release_lock(), lock.locked_lock())  # expect: True True None False
with lock as entered:
    print(entered, lock.locked())  # expect: True True
print(lock.locked())  # expect: False
print(lock.__enter__(), lock.__exit__(None, None, None), lock.locked())  # expect: True None False
lock.acquire()
print(lock.__exit__(), lock.locked())  # expect: None False
try:
    lock.release()
except RuntimeError as e:
    print(type(e).__name__, e)  # expect: RuntimeError release unlocked lock
try:
    with lock:
        raise KeyError("k")
except KeyError:
    print("released on error:", not lock.locked())  # expect: released on error: True
print(_thread.allocate is _thread.allocate_lock or type(_thread.allocate()).__name__)  # expect: lock
