# time.sleep in several threads at once: the sleeps overlap; thread_time
# counts CPU time of the calling thread only.
import _thread, time

N = 4
left = [N]
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
cpu = []

def nap():
    t0 = time.thread_time()
    time.sleep(0.3)
    used = time.thread_time() - t0
    with lock:
        cpu.append(used < 0.2)
        left[0] -= 1
        if not left[0]:
            done.release()

t0 = time.monotonic()
for _ in range(N):
    _thread.start_new_thread(nap, ())
done.acquire()
elapsed = time.monotonic() - t0
print(0.29 <= elapsed < 1.0)  # expect: True
print(cpu)  # expect: [True, True, True, True]
print(type(time.thread_time_ns()).__name__)  # expect: int
for bad in (-1, "x", float("nan")):
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
# expect: ValueError sleep length must be non-negative
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: ValueError Invalid value NaN (not a number)
