# Subclassing Thread and overriding run().
import threading


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name="counter-%d" % n)
        self.n = n
        self.total = None

    def run(self):
        self.total = sum(range(self.n))


ts = [Counter(n) for n in (10, 100, 1000)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([(t.name, t.total) for t in ts])
# expect: [('counter-10', 45), ('counter-100', 4950), ('counter-1000', 499500)]
