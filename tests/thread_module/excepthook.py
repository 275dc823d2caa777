# _thread._excepthook and _thread._ExceptHookArgs (what threading.excepthook
# is in CPython): "Exception in thread NAME:" then the traceback on stderr.
import _thread

class FakeThread:
    name = "worker-1"

args = _thread._ExceptHookArgs((ValueError, ValueError("x"), None, None))
print(args)  # expect: _thread._ExceptHookArgs(exc_type=<class 'ValueError'>, exc_value=ValueError('x'), exc_traceback=None, thread=None)
print(args.exc_type.__name__, args.thread, len(args), isinstance(args, tuple))  # expect: ValueError None 4 True
for bad in ((1, 2, 3), (1, 2, 3, 4, 5)):
    try:
        _thread._ExceptHookArgs(bad)
    except TypeError as e:
        print(e)
# expect: _thread._ExceptHookArgs() takes a 4-sequence (3-sequence given)
# expect: _thread._ExceptHookArgs() takes a 4-sequence (5-sequence given)
try:
    _thread._excepthook((ValueError, None, None, None))
except TypeError as e:
    print(e)  # expect: _thread.excepthook argument type must be ExceptHookArgs

# SystemExit is ignored silently.
print(_thread._excepthook(_thread._ExceptHookArgs((SystemExit, SystemExit(), None, FakeThread()))))  # expect: None

def fail():
    raise KeyError("k")
try:
    fail()
except KeyError as e:
    print(_thread._excepthook(_thread._ExceptHookArgs((KeyError, e, e.__traceback__, FakeThread()))))  # expect: None
# expect stderr: Exception in thread worker-1:
# expect stderr: Traceback (most recent call last):
# expect stderr:     raise KeyError("k")
# expect stderr: KeyError: 'k'
