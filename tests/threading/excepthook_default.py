# An uncaught exception in a thread is printed like CPython 3.11 and the
# other threads go on.
import threading


def bad():
    raise ValueError("boom")


t = threading.Thread(target=bad)
t.start()
t.join()
ok = threading.Thread(target=lambda: print("still running"))
ok.start()
ok.join()
# expect: still running
print(t.is_alive())
# expect: False
# expect stderr: Exception in thread Thread-1 (bad):
# expect stderr: Traceback (most recent call last):
# expect stderr: ValueError: boom
