# A value the main thread drops from a container other threads have used is
# finalized before the program ends (weft defers that drop for a grace period).
import threading

class D:
    def __del__(self):
        print("finalized")

shared = [D()]
t = threading.Thread(target=lambda: len(shared))
t.start()
t.join()
shared.pop()
# expect: finalized
