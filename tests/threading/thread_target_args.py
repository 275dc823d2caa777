# Thread(target, args, kwargs): the target runs on its own thread with them.
import threading

results = []


def work(a, b, scale=1):
    results.append((a + b) * scale)


threads = [threading.Thread(target=work, args=(i, 10), kwargs={"scale": 2}) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
# expect: [20, 22, 24, 26]
t = threading.Thread()
t.start()
t.join()
print("no target ok", t.is_alive())
# expect: no target ok False
