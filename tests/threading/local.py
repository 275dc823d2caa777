# threading.local: each thread sees its own attributes.
import threading
data = threading.local()
data.x = "main"
seen = []


def worker(n):
    print_has = hasattr(data, "x")
    data.x = n
    seen.append((n, print_has, data.x))


ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen), data.x)
# expect: [(0, False, 0), (1, False, 1), (2, False, 2)] main
print(threading.local is __import__("_thread")._local)
# expect: True
