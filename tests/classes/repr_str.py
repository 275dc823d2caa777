class V:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"V({self.n})"
class W(V):
    def __str__(self): return f"w{self.n}"
print(V(1), repr(V(2)), [V(3)], str(W(4)), [W(5)], f"{W(6)}")
# expect: V(1) V(2) [V(3)] w4 [V(5)] w6
