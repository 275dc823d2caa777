# map() yields results in the order of the inputs, over several iterables.
import time
from concurrent.futures import ThreadPoolExecutor


def slow_inverse(i):
    time.sleep(0.001 * (10 - i))
    return -i


with ThreadPoolExecutor(4) as ex:
    print(list(ex.map(slow_inverse, range(10))))
# expect: [0, -1, -2, -3, -4, -5, -6, -7, -8, -9]
    print(list(ex.map(pow, [2, 3, 4], [5, 2])))
# expect: [32, 9]
    print(list(ex.map(str, [])))
# expect: []
    print(list(ex.map(abs, [-1, -2], timeout=30)))
# expect: [1, 2]
