# as_completed yields futures as they finish (done ones first), each once.
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed, Future
gates = [threading.Event() for _ in range(3)]
order = []
with ThreadPoolExecutor(3) as ex:
    fs = [ex.submit(lambda i=i: gates[i].wait() and i) for i in range(3)]
    pre = Future()
    pre.set_result("pre")
    it = as_completed(fs + [pre, pre])
    first = next(it)
    print(first.result())
# expect: pre
    for i in (2, 0, 1):
        gates[i].set()
        order.append(next(it).result())
    print(order)
# expect: [2, 0, 1]
    try:
        next(it)
    except StopIteration:
        print("exhausted")
# expect: exhausted
