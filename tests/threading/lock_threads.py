# A Lock makes a read-modify-write of shared state exclusive; any thread
# may release it.
import threading
lock = threading.Lock()
count = [0]


def add():
    for _ in range(2000):
        with lock:
            count[0] = count[0] + 1


ts = [threading.Thread(target=add) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(count[0])
# expect: 8000
lock.acquire()
t = threading.Thread(target=lock.release)
t.start()
t.join()
print(lock.locked())
# expect: False
