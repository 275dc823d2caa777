# Leaving a with block waits for every submitted call.
import time
from concurrent.futures import ThreadPoolExecutor
done = []


def work(i):
    time.sleep(0.01)
    done.append(i)


with ThreadPoolExecutor(2) as ex:
    print(ex.__enter__() is ex)
# expect: True
    for i in range(5):
        ex.submit(work, i)
print(sorted(done))
# expect: [0, 1, 2, 3, 4]
