# weft demo: the main job the README runs (PYTHON_JIT=1 PYTHON_GIL=0 build/weft examples/demo.py).
# CPU-bound work items -> once on one thread, once shared by N threads -> results checked equal, speedup reported.
"""Pure-Python CPU work (prime counting, Collatz chains, Fibonacci digits,
word counts) split into work items. The items run once one after another
on the main thread, then again shared by N worker threads that take items
from a queue.Queue; both runs must give the same results (and the known
totals). The demo reports the threads, wall times, the speedup and what the
runtime says about its GIL and JIT. It runs under CPython 3.11 too, where
the GIL keeps the speedup near 1."""
import os
import sys
import time

try:                                   # weft gets threading with the free-threaded runtime
    import queue
    import threading
except ImportError as e:
    threading = None
    NO_THREADS = str(e)


def count_primes(lo, hi):
    """Primes in [lo, hi) by trial division (deliberately CPU-bound)."""
    count = 0
    for n in range(max(lo, 2), hi):
        if n % 2 == 0:
            count += n == 2
            continue
        d = 3
        while d * d <= n:
            if n % d == 0:
                break
            d += 2
        else:
            count += 1
    return count


def collatz_longest(lo, hi):
    """(start, chain length) of the longest Collatz chain starting in [lo, hi)."""
    best, best_len = lo, 0
    for start in range(lo, hi):
        n, steps = start, 1
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        if steps > best_len:
            best, best_len = start, steps
    return best, best_len


def fib_digits(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return len(str(a))


def word_counts(seed, words):
    """Counts of pseudo-random words from a small vocabulary (dicts and strings)."""
    vocab = ['free', 'threaded', 'python', 'weft', 'trace', 'jit', 'lock', 'atomic']
    counts = {}
    x = seed
    for _ in range(words):
        x = (x * 1103515245 + 12345) & 0x7fffffff
        w = vocab[(x >> 16) % len(vocab)]
        counts[w] = counts.get(w, 0) + 1
    return tuple(sorted(counts.items()))


def make_items():
    items = []
    for lo in range(0, 120000, 15000):
        items.append(('primes in [%d, %d)' % (lo, lo + 15000), count_primes, (lo, lo + 15000)))
    for lo in range(1, 40001, 10000):
        items.append(('longest Collatz in [%d, %d)' % (lo, lo + 10000), collatz_longest, (lo, lo + 10000)))
    for n in (2000, 2500, 3000, 3500):
        items.append(('digits of fib(%d)' % n, fib_digits, (n,)))
    for seed in range(4):
        items.append(('word counts, seed %d' % seed, word_counts, (seed, 40000)))
    return items


EXPECTED = (11301, (35655, 324), [418, 523, 627, 732], 'weft', 20227)


def run_serial(items):
    return [func(*args) for _, func, args in items]


def run_threaded(items, nthreads):
    """Workers take item indices from one queue; results land in their slots."""
    todo = queue.Queue()
    for i in range(len(items)):
        todo.put(i)
    results = [None] * len(items)
    done_by = [0] * nthreads

    def worker(me):
        while True:
            try:
                i = todo.get_nowait()
            except queue.Empty:
                return
            _, func, args = items[i]
            results[i] = func(*args)
            done_by[me] += 1
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, done_by


def runtime_report():
    gil = sys._is_gil_enabled() if hasattr(sys, '_is_gil_enabled') else True
    jit = hasattr(sys, '_jit') and sys._jit.is_enabled()
    name = sys.implementation.name
    gil_text = 'GIL %s' % ('on' if gil else 'off')
    if jit:
        jit_text = 'JIT on'
    elif name == 'weft':
        jit_text = 'JIT off (weft has no JIT yet: PYTHON_JIT=%s is accepted and ignored)' % os.environ.get('PYTHON_JIT', '0')
    else:
        jit_text = 'JIT off'
    return '%s %s: %s, %s' % (name, sys.version.split()[0], gil_text, jit_text)


def main():
    nthreads = max(2, min(8, (os.cpu_count() or 2)))
    items = make_items()
    print('weft demo on', runtime_report())
    print('%d work items, %d CPU core(s) available' % (len(items), os.cpu_count() or 1))

    t0 = time.perf_counter()
    serial = run_serial(items)
    t_serial = time.perf_counter() - t0
    # Known totals (the same under CPython): primes below 120000, the longest
    # Collatz chain below 40001, fib digits, the most frequent word overall.
    primes = sum(serial[0:8])
    collatz = max(serial[8:12], key=lambda r: r[1])
    digits = serial[12:16]
    words = {}
    for r in serial[16:20]:
        for w, n in r:
            words[w] = words.get(w, 0) + n
    top = max(sorted(words), key=lambda w: words[w])
    print('  primes below 120000            %d' % primes)
    print('  longest Collatz chain < 40001  starts at %d, %d steps' % collatz)
    print('  digits of fib(2000..3500)      %s' % ' '.join(str(d) for d in digits))
    print('  160000 words, most frequent    %r x %d' % (top, words[top]))
    ok = (primes, collatz, digits, top, words[top]) == EXPECTED
    print('1 thread : %.2f s' % t_serial)
    if threading is None:
        print('threads  : not run, this build has no threading module (%s)' % NO_THREADS)
    else:
        t0 = time.perf_counter()
        threaded, done_by = run_threaded(items, nthreads)
        t_threaded = time.perf_counter() - t0
        ok = ok and threaded == serial
        print('%d threads: %.2f s  (items done per thread: %s)'
              % (nthreads, t_threaded, ' '.join(str(n) for n in done_by)))
        print('speedup  : %.2fx' % (t_serial / t_threaded))
    print('results  : %s' % ('correct' + (', threaded = single-threaded' if threading else '')
                             if ok else 'WRONG: the totals or the threaded results differ'))
    return 0 if ok else 1


sys.exit(main())
