# The _thread module's names, as CPython 3.11 has them.
import _thread

names = ["LockType", "RLock", "_ExceptHookArgs", "_excepthook", "TIMEOUT_MAX", "_count", "_local", "_set_sentinel",
         "allocate", "allocate_lock", "error", "exit", "exit_thread", "get_ident",
         "get_native_id", "interrupt_main", "stack_size", "start_new", "start_new_thread"]
print([n for n in names if not hasattr(_thread, n)])  # expect: []
print(_thread.error is RuntimeError)  # expect: True
print(type(_thread.TIMEOUT_MAX).__name__, _thread.TIMEOUT_MAX)  # expect: float 9223372036.0
print(_thread.__doc__.splitlines()[0])  # expect: This module provides primitive operations to write multi-threaded programs.
print(repr(_thread.LockType), repr(_thread.RLock), repr(_thread._local))  # expect: <class '_thread.lock'> <class '_thread.RLock'> <class '_thread._local'>
