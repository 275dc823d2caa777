# Support module for concurrent_import.py: slow to initialize.
import time
print("loading _slow_mod")
time.sleep(0.05)
ready = True
