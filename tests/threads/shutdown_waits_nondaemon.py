# The program's end waits for non-daemon threads, then runs atexit callbacks.
import atexit
import threading
import time

atexit.register(lambda: print("atexit"))

def late():
    time.sleep(0.2)
    print("thread done")

threading.Thread(target=late).start()
print("main done")
# expect: main done
# expect: thread done
# expect: atexit
