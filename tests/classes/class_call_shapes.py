# cls(args) from the generic CALL: __init__ frames pushed inline with every
# parameter shape, built-in classes called directly, and the classes that
# take type.__call__'s full path (own __new__, a metaclass __call__).
class Exact:
    def __init__(self, a, b): self.s = a + b
class Defaults:
    def __init__(self, a, b=10): self.s = a + b
class Star:
    def __init__(self, *a): self.s = sum(a)
class KwOnly:
    def __init__(self, a, *, k=5): self.s = a * k
class Cell:
    def __init__(self, a):
        self.f = lambda: self.s + a
        self.s = a
class OwnNew:
    def __new__(cls, a):
        o = super().__new__(cls)
        o.s = a * 2
        return o
class Meta(type):
    def __call__(cls, *a):
        return sum(a)
class WithMeta(metaclass=Meta):
    pass

def run():
    t = 0
    for i in range(200):
        t += Exact(i, 1).s + Defaults(i).s + Defaults(i, 1).s + Star(i, i, i).s
        t += KwOnly(i).s + Cell(i).f() + OwnNew(i).s + WithMeta(i, 3)
        t += int(i * 1.5) + len(str(i)) + int(float(i))
    return t
print(run())
# expect: 371590

for bad in (lambda: Exact(1), lambda: Defaults(), lambda: KwOnly(1, 2)):
    try:
        bad()
    except TypeError as e:
        print(e)
# expect: Exact.__init__() missing 1 required positional argument: 'b'
# expect: Defaults.__init__() missing 1 required positional argument: 'a'
# expect: KwOnly.__init__() takes 2 positional arguments but 3 were given

class ReturnsValue:
    def __init__(self): return 1
for i in range(2):
    try:
        ReturnsValue()
    except TypeError as e:
        print(e)
# expect: __init__() should return None, not 'int'
# expect: __init__() should return None, not 'int'
