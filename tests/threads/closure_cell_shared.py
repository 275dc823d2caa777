# A closure variable rebound by one thread while others read it: readers see
# whole values (old or new), and every replaced value is freed exactly once.
import threading
import time

freed = []

class Box:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        freed.append(self.n)

def make():
    current = Box(-1)
    def read():
        return current.n
    def write(n):
        nonlocal current
        current = Box(n)
    return read, write

read, write = make()
seen = []

def reader():
    last = -1
    ok = True
    for _ in range(20000):
        n = read()
        if n < last:
            ok = False
        last = n
    seen.append(ok)

def writer():
    for i in range(2000):
        write(i)

threads = [threading.Thread(target=reader) for _ in range(3)] + [threading.Thread(target=writer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(seen, read())  # expect: [True, True, True] 1999
deadline = time.monotonic() + 10
while len(freed) < 2000 and time.monotonic() < deadline:
    time.sleep(0.001)
print(len(freed), sorted(freed) == list(range(-1, 1999)))  # expect: 2000 True
