# TIMEOUT_MAX, stack_size, get_ident, settrace/gettrace, setprofile/getprofile, ThreadError.
import _thread
import threading
print(threading.TIMEOUT_MAX > 1e6, threading.stack_size() == 0, threading.ThreadError is _thread.error)
# expect: True True True
print(threading.get_ident() == _thread.get_ident(), threading.get_native_id() > 0)
# expect: True True


def tracer(*args):
    return None


print(threading.gettrace(), threading.getprofile())
# expect: None None
threading.settrace(tracer)
threading.setprofile(tracer)
print(threading.gettrace() is tracer, threading.getprofile() is tracer)
# expect: True True
threading.settrace(None)
threading.setprofile(None)
print(threading.gettrace(), threading.getprofile())
# expect: None None
print(sorted(n for n in threading.__all__ if n in ("Thread", "Lock", "Barrier", "excepthook")))
# expect: ['Barrier', 'Lock', 'Thread', 'excepthook']
