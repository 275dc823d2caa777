# SystemExit in a thread ends that thread silently.
import sys
import threading


def leave():
    sys.exit(3)
    print("not reached")


t = threading.Thread(target=leave)
t.start()
t.join()
print("main continues", t.is_alive())
# expect: main continues False
