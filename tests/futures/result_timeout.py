# result(timeout) and exception(timeout) raise TimeoutError (the builtin) when not done.
import threading
import concurrent.futures as cf
print(cf.TimeoutError is TimeoutError, issubclass(cf.CancelledError, cf._base.Error))
# expect: True True
print(issubclass(cf.BrokenExecutor, RuntimeError), issubclass(cf.InvalidStateError, Exception))
# expect: True True
gate = threading.Event()
with cf.ThreadPoolExecutor(1) as ex:
    f = ex.submit(gate.wait)
    for call in (f.result, f.exception):
        try:
            call(timeout=0.05)
        except TimeoutError as e:
            print("TimeoutError", repr(e))
# expect: TimeoutError TimeoutError()
# expect: TimeoutError TimeoutError()
    gate.set()
    print(f.result(timeout=30))
# expect: True
