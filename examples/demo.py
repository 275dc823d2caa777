# weft demo: the main job the README runs.
# Until the threading module lands (issue: free-threaded runtime) this runs
# its work items one after another; it reports truthfully what the runtime
# has (GIL, JIT) and checks its own results.
import sys
import time


def primes_below(n):
    sieve = [True] * n
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, n, i):
                sieve[j] = False
    return sum(1 for flag in sieve if flag)


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def collatz_longest(limit):
    best, best_len = 1, 1
    for start in range(1, limit):
        n, steps = start, 1
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        if steps > best_len:
            best, best_len = start, steps
    return best, best_len


class Job:
    def __init__(self, name, func, arg):
        self.name, self.func, self.arg = name, func, arg

    def run(self):
        t0 = time.perf_counter()
        self.result = self.func(self.arg)
        self.seconds = time.perf_counter() - t0
        return self


jobs = [Job("primes below 200000", primes_below, 200000),
        Job("fib(300) digits", lambda n: len(str(fib(n))), 300),
        Job("longest Collatz start below 30000", collatz_longest, 30000)]

gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
jit = sys._jit.is_enabled() if hasattr(sys, "_jit") else False
print(f"weft demo: GIL {'on' if gil else 'off'}, JIT {'on' if jit else 'off'}")
for job in jobs:
    job.run()
    print(f"  {job.name:<36} = {job.result}  ({job.seconds * 1000:.1f} ms)")
expected = [17984, 63, (26623, 308)]
ok = [job.result for job in jobs] == expected
print("all results correct" if ok else "WRONG RESULTS")
sys.exit(0 if ok else 1)
