# add_done_callback: called when the future finishes, or at once if it is
# done; a failing callback is reported and the others still run.
import threading
from concurrent.futures import Future, ThreadPoolExecutor
calls = []
f = Future()
f.add_done_callback(lambda fut: calls.append(("first", fut.result())))
f.add_done_callback(lambda fut: 1 / 0)
f.add_done_callback(lambda fut: calls.append(("third", fut.result())))
f.set_result(9)
print(calls)
# expect: [('first', 9), ('third', 9)]
f.add_done_callback(lambda fut: calls.append(("late", fut.done())))
print(calls[-1])
# expect: ('late', True)
c = Future()
c.add_done_callback(lambda fut: calls.append(("cancelled", fut.cancelled())))
c.cancel()
print(calls[-1])
# expect: ('cancelled', True)
where = []
gate = threading.Event()
with ThreadPoolExecutor(1, thread_name_prefix="cb") as ex:
    g = ex.submit(gate.wait)
    g.add_done_callback(lambda fut: where.append(threading.current_thread().name))
    gate.set()
print(where)
# expect: ['cb_0']
# expect stderr: ZeroDivisionError: division by zero
