# The program waits for non-daemon threads after the main code ends.
import threading
import time


def late():
    time.sleep(0.05)
    print("worker finished")


threading.Thread(target=late).start()
print("main finished")
# expect: main finished
# expect: worker finished
