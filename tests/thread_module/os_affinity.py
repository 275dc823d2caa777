# os.cpu_count, os.sched_getaffinity and os.sched_setaffinity (Linux).
import os

n = os.cpu_count()
print(type(n).__name__, n >= 1)  # expect: int True
mask = os.sched_getaffinity(0)
print(type(mask).__name__, len(mask) >= 1, mask <= set(range(n)))  # expect: set True True
print(os.sched_getaffinity(os.getpid()) == mask)  # expect: True
first = min(mask)
print(os.sched_setaffinity(0, [first]))  # expect: None
print(os.sched_getaffinity(0) == {first})  # expect: True
os.sched_setaffinity(0, mask)
print(os.sched_getaffinity(0) == mask)  # expect: True
os.sched_setaffinity(0, range(1024))     # CPUs that do not exist are ignored
print(os.sched_getaffinity(0) == mask)  # expect: True

def attempt(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
        print("ok")
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
    except OSError as e:
        print("OSError", e.errno)

attempt(os.sched_getaffinity)  # expect: TypeError posix.sched_getaffinity() takes exactly one argument (0 given)
attempt(os.sched_getaffinity, 0, 1)  # expect: TypeError posix.sched_getaffinity() takes exactly one argument (2 given)
attempt(os.sched_getaffinity, pid=0)  # expect: TypeError posix.sched_getaffinity() takes no keyword arguments
attempt(os.sched_getaffinity, "x")  # expect: TypeError 'str' object cannot be interpreted as an integer
attempt(os.sched_getaffinity, 1.0)  # expect: TypeError 'float' object cannot be interpreted as an integer
attempt(os.sched_getaffinity, 2**40)  # expect: OverflowError signed integer is greater than maximum
attempt(os.sched_getaffinity, -1)  # expect: OSError 3
attempt(os.sched_setaffinity, 0, [])  # expect: OSError 22
attempt(os.sched_setaffinity, 0, [-1])  # expect: ValueError negative CPU number
attempt(os.sched_setaffinity, 0, ["a"])  # expect: TypeError expected an iterator of ints, but iterator yielded <class 'str'>
attempt(os.sched_setaffinity, 0, [2**70])  # expect: OverflowError Python int too large to convert to C long
attempt(os.sched_setaffinity, 0, [2**31])  # expect: OverflowError CPU number too large
attempt(os.sched_setaffinity, 0, [100000])  # expect: OSError 22
attempt(os.sched_setaffinity, 0, 5)  # expect: TypeError 'int' object is not iterable
attempt(os.sched_setaffinity, 0)  # expect: TypeError sched_setaffinity() takes exactly 2 arguments (1 given)
attempt(os.cpu_count, 1)  # expect: TypeError posix.cpu_count() takes no arguments (1 given)
print(os.sched_getaffinity(0) == mask)  # expect: True
