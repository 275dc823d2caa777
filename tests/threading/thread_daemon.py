# daemon: given, inherited from the creating thread, fixed once started; a
# daemon thread still blocked at exit does not keep the process alive.
import threading
print(threading.Thread().daemon, threading.Thread(daemon=True).daemon)
# expect: False True
inherited = []


def make():
    inherited.append(threading.Thread().daemon)


parent = threading.Thread(target=make, daemon=True)
parent.start()
parent.join()
print(inherited)
# expect: [True]
forever = threading.Event()
t = threading.Thread(target=forever.wait, daemon=True)
t.start()
try:
    t.daemon = False
except RuntimeError as e:
    print(e)
# expect: cannot set daemon status of active thread
u = threading.Thread()
u.daemon = True
print(u.daemon)
# expect: True
print("main ends")
# expect: main ends
