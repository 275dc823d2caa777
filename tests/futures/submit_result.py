# submit() returns a Future whose result() is the call's value.
from concurrent.futures import ThreadPoolExecutor


def power(base, exp=2):
    return base ** exp


with ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(power, i, exp=3) for i in range(6)]
    print([f.result() for f in fs])
# expect: [0, 1, 8, 27, 64, 125]
    f = ex.submit(power, base=5)
    print(f.result(), f.done(), f.running(), f.cancelled(), f.exception())
# expect: 25 True False False None
