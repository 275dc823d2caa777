# Many threads run the same functions at once, each on its own bytecode copy,
# so each thread warms up and specializes its copy independently. Every
# thread's results must equal the single-threaded ones exactly.
import threading

NT = 8

class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm1(self):
        return abs(self.x) + abs(self.y)

class Q:
    def __init__(self, v):
        self.v = v

SCALE = 3

def ints(n):
    s = 0
    for i in range(n):
        s += i * SCALE - (i // 7)
    return s

def floats(n):
    s = 0.0
    for i in range(n):
        s += i * 0.5 - 1.25
    return s

def strs(n):
    out = ""
    for i in range(n):
        out = out + "ab"[i % 2]
    return len(out), out[:6]

def objects(n):
    total = 0
    items = [P(i, -i) for i in range(n)]
    for p in items:
        total += p.norm1() + p.x
    qs = [Q(i) for i in range(n)]
    d = {}
    for q in qs:
        d[q.v % 13] = d.get(q.v % 13, 0) + q.v
    return total, sorted(d.items())[:3], len(qs[n // 2:])

def mixed(n):
    out = []
    for i in range(n):
        v = i if i % 3 else float(i) if i % 2 else str(i)   # the guards see all three
        out.append(v * 2)
    return out[-4:]

def work(n):
    return ints(n), floats(n), strs(n), objects(n), mixed(n)

expected = [work(n) for n in (50, 300, 1000)]
ok = [False] * NT

def worker(w):
    good = True
    for rep in range(4):
        for k, n in enumerate((50, 300, 1000)):
            good = good and work(n) == expected[k]
    ok[w] = good

threads = [threading.Thread(target=worker, args=(w,)) for w in range(NT)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(ok)  # expect: [True, True, True, True, True, True, True, True]
print(expected[2][0], expected[2][1], expected[2][2])  # expect: 1427571 248500.0 (1000, 'ababab')
