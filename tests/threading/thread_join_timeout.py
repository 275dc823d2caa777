# join(timeout) returns after the timeout while the thread still runs.
import threading
import time
gate = threading.Event()
t = threading.Thread(target=gate.wait)
t.start()
start = time.monotonic()
t.join(timeout=0.05)
waited = time.monotonic() - start
print(t.is_alive(), waited >= 0.04)
# expect: True True
t.join(0)
t.join(-1)
print(t.is_alive())
# expect: True
gate.set()
t.join()
print(t.is_alive())
# expect: False
t.join(0.01)
print("joined again")
# expect: joined again
