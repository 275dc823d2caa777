# An exception raised by a mapped call is re-raised when its result is reached.
from concurrent.futures import ThreadPoolExecutor


def check(x):
    if x == 2:
        raise ValueError("bad %d" % x)
    return x


with ThreadPoolExecutor(2) as ex:
    it = ex.map(check, range(4))
    got = []
    try:
        for v in it:
            got.append(v)
    except ValueError as e:
        print(got, e)
# expect: [0, 1] bad 2
