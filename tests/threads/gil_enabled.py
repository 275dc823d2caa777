# weft-only: CPython 3.11 has no sys._is_gil_enabled
# env: PYTHON_GIL=1
# With PYTHON_GIL=1 the GIL exists, and threads still all run to completion.
import sys
import threading

print(sys._is_gil_enabled())  # expect: True
counts = [0] * 4

def work(i):
    for _ in range(20000):
        counts[i] += 1

threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counts)  # expect: [20000, 20000, 20000, 20000]
