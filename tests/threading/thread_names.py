# Thread names as CPython 3.11: "Thread-N (target)", explicit names, MainThread.
import threading


def job():
    pass


class Worker(threading.Thread):
    pass


print(threading.current_thread().name, threading.main_thread().name)
# expect: MainThread MainThread
a = threading.Thread(target=job)
b = threading.Thread(target=lambda: None)
c = threading.Thread()
d = threading.Thread(target=job, name="custom")
e = Worker()
f = threading.Thread(target=job, name=42)
print(a.name, "|", b.name, "|", c.name, "|", d.name, "|", e.name, "|", repr(f.name))
# expect: Thread-1 (job) | Thread-2 (<lambda>) | Thread-3 | custom | Thread-4 | '42'
a.name = 7
print(repr(a.name))
# expect: '7'
seen = []
t = threading.Thread(target=lambda: seen.append(threading.current_thread().name), name="inside")
t.start()
t.join()
print(seen)
# expect: ['inside']
