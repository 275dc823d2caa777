class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
a = Acc()
b = a
a += 1
a += 2
print(a.items, a is b)
class NoI:
    def __init__(self, v): self.v = v
    def __add__(self, o): return NoI(self.v + o)
n = NoI(1)
m = n
n += 5
print(n.v, m.v, n is m)
# expect: [1, 2] True
# expect: 6 1 False
