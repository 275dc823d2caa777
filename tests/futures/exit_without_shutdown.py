# An executor never shut down: the program still ends after its work is done.
from concurrent.futures import ThreadPoolExecutor
ex = ThreadPoolExecutor(2)
f = ex.submit(sum, [1, 2, 3])
print(f.result())
# expect: 6
g = ex.submit(print, "queued work runs")
# expect: queued work runs
