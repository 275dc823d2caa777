# wait(ALL_COMPLETED) returns (done, not_done) once everything is done.
from concurrent.futures import ThreadPoolExecutor, wait, ALL_COMPLETED
with ThreadPoolExecutor(3) as ex:
    fs = [ex.submit(pow, 2, i) for i in range(8)]
    res = wait(fs, return_when=ALL_COMPLETED)
    print(len(res.done), len(res.not_done), sorted(f.result() for f in res.done))
# expect: 8 0 [1, 2, 4, 8, 16, 32, 64, 128]
    done, not_done = wait(fs)
    print(done == set(fs), not_done)
# expect: True set()
    print(type(res).__name__, res[0] is res.done, len(res))
# expect: DoneAndNotDoneFutures True 2
    print(wait([]))
# expect: DoneAndNotDoneFutures(done=set(), not_done=set())
