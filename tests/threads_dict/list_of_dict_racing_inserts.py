# list(d) and sorted(d) take the keys in one step: another thread's inserts
# never show up as "dictionary changed size during iteration" (as in
# free-threaded CPython, where list_extend copies a dict under its lock).
import threading

d = {}
stop = False
errors = []

def writer():
    i = 0
    while not stop:
        d[i] = i
        i += 1
        if i > 2000:
            d.clear()
            i = 0

def reader():
    for _ in range(1500):
        try:
            keys = list(d)
            s = sorted(d)
        except RuntimeError as e:
            errors.append(str(e))
            continue
        if len(set(keys)) != len(keys):
            errors.append("duplicate key")

w = threading.Thread(target=writer)
w.start()
r = threading.Thread(target=reader)
r.start()
r.join()
stop = True
w.join()
print(errors[:1], len(errors))
# expect: [] 0
