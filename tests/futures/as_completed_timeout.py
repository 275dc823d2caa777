# as_completed(timeout) raises TimeoutError naming how many are unfinished.
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
gate = threading.Event()
with ThreadPoolExecutor(3) as ex:
    fs = [ex.submit(gate.wait), ex.submit(gate.wait), ex.submit(len, "abc")]
    fs[2].result()
    got = []
    try:
        for f in as_completed(fs, timeout=0.05):
            got.append(f.result())
    except TimeoutError as e:
        print(got, e)
# expect: [3] 2 (of 3) futures unfinished
    gate.set()
