# Objects made by a thread that has exited are freed by the thread dropping them last.
import threading

deleted = []

class Item:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        deleted.append(self.n)

box = []

def produce():
    for i in range(1000):
        box.append(Item(i))

t = threading.Thread(target=produce)
t.start()
t.join()
print(len(box), len(deleted))  # expect: 1000 0

def consume():
    while box:
        box.pop()

c = threading.Thread(target=consume)
c.start()
c.join()
print(len(deleted), sorted(deleted) == list(range(1000)))  # expect: 1000 True
