# join() of the current thread or of a thread not started.
import threading
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print(e)
# expect: cannot join thread before it is started
try:
    threading.current_thread().join()
except RuntimeError as e:
    print(e)
# expect: cannot join current thread
errors = []


def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        errors.append(str(e))


t = threading.Thread(target=join_self)
t.start()
t.join()
print(errors)
# expect: ['cannot join current thread']
