# sys.exit() in the main thread still waits for non-daemon threads; the exit status is kept.
import sys
import threading
import time

def late():
    time.sleep(0.1)
    print("thread done")

threading.Thread(target=late).start()
sys.exit(3)
# expect: thread done
# expect exit: 3
