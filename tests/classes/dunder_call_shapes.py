# Dunders reached from C slots run as Python functions with (self, args):
# the direct frame fill when the arguments fill the parameters exactly, and
# the general binding otherwise (defaults, *args, cells, generators), in
# loops so that every path runs many times.
class Exact:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Exact(self.v + o.v)
    def __eq__(self, o): return self.v == o.v
    def __getitem__(self, i): return self.v * i
    def __len__(self): return self.v

class Shapes:
    def __init__(self, v): self.v = v
    def __add__(self, o, extra=100): return self.v + o + extra      # a default fills extra
    def __sub__(self, *rest): return (self.v, rest)                 # *args
    def __mul__(self, o):
        def inner(): return self.v * o                              # self is a cell
        return inner()
    def __getitem__(self, i, *, scale=3): return i * scale          # keyword-only default
    def __iter__(self):                                             # a generator function
        yield self.v
        yield self.v + 1

def run():
    acc = Exact(0)
    total = 0
    for i in range(300):
        acc = acc + Exact(i)
        total += (acc == Exact(acc.v)) + acc[2] + len(Exact(i))
    print(acc.v, total)
    s = Shapes(5)
    t = 0
    for i in range(300):
        t += (s + i) + (s * i) + s[i] + sum(s)
        r = s - i
    print(t, r)

run()
# expect: 44850 9045050
# expect: 438450 (5, (299,))

# The error of a dunder whose parameters the arguments do not fill.
class Bad:
    def __add__(self): return 0
for i in range(2):
    try:
        Bad() + 1
    except TypeError as e:
        print(e)
# expect: Bad.__add__() takes 1 positional argument but 2 were given
# expect: Bad.__add__() takes 1 positional argument but 2 were given

# A function called from C with exact and with missing arguments.
def key(x): return -x
def key2(x, y=0): return x % 7 + y
print(sorted(range(200), key=key)[:3], max(range(200), key=key2), min(range(5), key=key2))
# expect: [199, 198, 197] 6 0
