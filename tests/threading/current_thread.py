# current_thread() is the Thread object running; main_thread() the first.
import threading
found = []


def who():
    found.append(threading.current_thread())


t = threading.Thread(target=who)
t.start()
t.join()
print(found[0] is t, threading.current_thread() is threading.main_thread())
# expect: True True
print(threading.main_thread().is_alive(), threading.main_thread().daemon)
# expect: True False
