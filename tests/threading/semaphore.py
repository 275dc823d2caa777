# Semaphore: a counter; acquire blocks at zero.
import threading
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.05))
# expect: True True False False
s.release(2)
print(s.acquire(False), s.acquire(False), s.acquire(False))
# expect: True True False
s.release()
with s:
    print(s.acquire(False))
# expect: False
print(s.acquire(False))
# expect: True
for bad in (lambda: threading.Semaphore(-1), lambda: s.release(0),
            lambda: s.acquire(False, 1)):
    try:
        bad()
    except ValueError as e:
        print(e)
# expect: semaphore initial value must be >= 0
# expect: n must be one or more
# expect: can't specify timeout for non-blocking acquire
s0 = threading.Semaphore(0)
t = threading.Thread(target=s0.release)
t.start()
print(s0.acquire())
# expect: True
t.join()
