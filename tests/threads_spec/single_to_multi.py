# Code specialized while the process had one thread keeps storing after other threads start, and again after they end.
# attribute, slot, list and dict stores warmed up single-threaded, then raced by readers -> every read is a stored value.
import threading
from _spec import Bad


class P:
    pass


class S:
    __slots__ = ('v',)


o, s = P(), S()
o.v = 0
s.v = 0
L = [0] * 4
d = {'v': 0}
stop = [False]
bad = []


def store(k):
    # The stores the main thread warms up alone, then runs against readers.
    o.v = k
    s.v = k
    L[1] = k
    d['v'] = k


def reader():
    last = 0
    while not stop[0]:
        for v in (o.v, s.v, L[1], d['v']):
            if type(v) is not int or v < 0:
                bad.append(v)
        if o.v < last:
            bad.append(('back', last, o.v))
        last = o.v


for k in range(1000):           # one thread: the inline single-threaded paths
    store(k)
for rnd in range(3):
    stop[0] = False
    ts = [threading.Thread(target=reader) for _ in range(2)]
    for t in ts:
        t.start()
    for k in range(1000, 4000):
        store(k + rnd * 10000)
    stop[0] = True
    for t in ts:
        t.join()
    for k in range(500):        # one thread again
        store(rnd * 10000 + 4000 + k)
if bad:
    raise Bad('bad reads: %r' % (bad[:3],))
print(o.v, s.v, L[1], d['v'])
# expect: 24499 24499 24499 24499
