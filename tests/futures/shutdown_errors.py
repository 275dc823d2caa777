# No submissions after shutdown; max_workers must be positive; initializer callable.
from concurrent.futures import ThreadPoolExecutor
ex = ThreadPoolExecutor(1)
ex.shutdown()
ex.shutdown()
try:
    ex.submit(print, "never")
except RuntimeError as e:
    print(e)
# expect: cannot schedule new futures after shutdown
for kwargs in ({"max_workers": 0}, {"max_workers": -3}):
    try:
        ThreadPoolExecutor(**kwargs)
    except ValueError as e:
        print(e)
# expect: max_workers must be greater than 0
# expect: max_workers must be greater than 0
try:
    ThreadPoolExecutor(1, initializer=5)
except TypeError as e:
    print(e)
# expect: initializer must be a callable
with ThreadPoolExecutor() as ex:
    print(ex._max_workers >= 5)
# expect: True
try:
    ex.submit(print)
except RuntimeError as e:
    print(e)
# expect: cannot schedule new futures after shutdown
