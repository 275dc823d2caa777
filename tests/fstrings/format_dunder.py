class Money:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        return "$" + format(self.v, spec or ".2f")
m = Money(3.5)
print(f"{m}", f"{m:.1f}", format(m), "{:>8}".format(m))
# expect: $3.50 $3.5 $3.50 $     3.5
