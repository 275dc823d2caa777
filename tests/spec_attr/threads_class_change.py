# Specialized attribute sites running in several threads while another
# thread changes the class: every read is the old or the new state, never
# a crash or a mix. (Each thread specializes its own copy of the code.)
import threading

class C:
    K = 0
    def __init__(self):
        self.x = 1
    def m(self):
        return 1
    @property
    def p(self):
        return 1

def m2(self):
    return 2
def p2(self):
    return 2

bad = []
stop = []

def reader():
    o = C()
    seen = set()
    n = 0
    while not stop or n < 2000:
        n += 1
        k = C.K
        v = o.m() + o.p + o.x
        if k not in (0, 1) or v not in (3, 4, 5):
            bad.append((k, v))
        o.x = 1
        seen.add(v)

def writer():
    for i in range(3000):
        C.K = 1
        C.m = m2
        C.p = property(p2)
        C.K = 0
        C.m = lambda self: 1
        C.p = property(lambda self: 1)
    stop.append(1)

ts = [threading.Thread(target=reader) for i in range(2)]
for t in ts:
    t.start()
writer()
for t in ts:
    t.join()
print(bad, C.K, C().m(), C().p, C().x)
# expect: [] 0 1 1 1
