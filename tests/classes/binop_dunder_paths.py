# a + b through a heap class's slot: same types, a right operand with no
# dunders of its own, a built-in on the left (reflected), a subclass on the
# right that overrides the reflected method (tried first), and
# NotImplemented from both sides. Loops run each path many times.
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x)
        if isinstance(o, (int, float)): return V(self.x + o)
        return NotImplemented
    def __radd__(self, o): return V(o * 1000 + self.x)
class W(V):
    def __radd__(self, o): return V(-1)
class Plain:
    pass

def run():
    t = 0
    for i in range(150):
        t += (V(i) + V(1)).x + (V(i) + 2).x + (3 + V(i)).x + (V(i) + W(5)).x
    return t
print(run())
# expect: 483825

for i in range(2):
    try:
        V(1) + Plain()
    except TypeError as e:
        print(e)
    try:
        V(1) + "s"
    except TypeError as e:
        print(e)
# expect: unsupported operand type(s) for +: 'V' and 'Plain'
# expect: unsupported operand type(s) for +: 'V' and 'str'
# expect: unsupported operand type(s) for +: 'V' and 'Plain'
# expect: unsupported operand type(s) for +: 'V' and 'str'
