# Daemon threads still running (or blocked) when the program ends do not keep it alive or crash it.
import threading
import time

lock = threading.Lock()
lock.acquire()

def spin():
    n = 0
    while True:
        n += 1

def blocked():
    lock.acquire()

for f in (spin, blocked, spin):
    threading.Thread(target=f, daemon=True).start()
time.sleep(0.05)
print("bye")  # expect: bye
