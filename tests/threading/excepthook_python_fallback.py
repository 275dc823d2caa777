# weft-only: lib/threading.py's Python excepthook (used when _thread has no _excepthook)
import sys
import threading
t = threading.Thread(target=print, name="fallback")
try:
    raise OSError("disk")
except OSError:
    args = threading._PyExceptHookArgs(sys.exc_info() + (t,))
print(args.thread.name, args.exc_type.__name__, repr(args).startswith("threading.ExceptHookArgs(exc_type="))
# expect: fallback OSError True
threading._py_excepthook(args)
threading._py_excepthook(threading._PyExceptHookArgs((SystemExit, SystemExit(), None, t)))
print("printed")
# expect: printed
# expect stderr: Exception in thread fallback:
# expect stderr: OSError: disk
