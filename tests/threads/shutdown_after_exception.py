# An uncaught exception in the main thread is printed, non-daemon threads still finish, exit status 1.
import threading
import time

def late():
    time.sleep(0.1)
    print("thread done")

threading.Thread(target=late).start()
raise ValueError("boom")
# expect: thread done
# expect runtime error: ValueError: boom
