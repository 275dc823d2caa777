import time
t0 = time.perf_counter()
time.sleep(0.01)
dt = time.perf_counter() - t0
print(dt >= 0.009, dt < 2, time.time() > 1.6e9, isinstance(time.perf_counter_ns(), int), time.monotonic() > 0, time.process_time() >= 0)
# expect: True True True True True True
