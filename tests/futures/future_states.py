# A Future by hand: pending -> running -> finished; cancel; set_result/set_exception.
from concurrent.futures import Future, CancelledError, InvalidStateError
f = Future()
print(f.done(), f.running(), f.cancelled(), repr(f).split(" ")[-1])
# expect: False False False state=pending>
print(f.set_running_or_notify_cancel(), f.running(), f.cancel(), repr(f).split(" ")[-1])
# expect: True True False state=running>
f.set_result([1])
print(f.result(), f.done(), f.running(), " ".join(repr(f).split(" ")[-3:]))
# expect: [1] True False state=finished returned list>
try:
    f.set_exception(ValueError())
except InvalidStateError as e:
    print(str(e).split(":")[0])
# expect: FINISHED
g = Future()
g.set_exception(KeyError("k"))
print(type(g.exception()).__name__, " ".join(repr(g).split(" ")[-3:]))
# expect: KeyError state=finished raised KeyError>
try:
    g.result()
except KeyError as e:
    print("raised", e)
# expect: raised 'k'
c = Future()
print(c.cancel(), c.cancel(), c.cancelled(), c.done(), repr(c).split(" ")[-1])
# expect: True True True True state=cancelled>
for call in (c.result, c.exception):
    try:
        call()
    except CancelledError as e:
        print("CancelledError", repr(e))
# expect: CancelledError CancelledError()
# expect: CancelledError CancelledError()
print(c.set_running_or_notify_cancel())
# expect: False
try:
    c.set_result(1)
except InvalidStateError as e:
    print(str(e).split(":")[0])
# expect: CANCELLED_AND_NOTIFIED
