# Many small tasks on a few workers: every result arrives exactly once.
from concurrent.futures import ThreadPoolExecutor, as_completed
with ThreadPoolExecutor(4) as ex:
    fs = {ex.submit(lambda x: x * x, i): i for i in range(500)}
    total = 0
    count = 0
    for f in as_completed(fs):
        assert f.result() == fs[f] ** 2
        total += f.result()
        count += 1
print(count, total)
# expect: 500 41541750
