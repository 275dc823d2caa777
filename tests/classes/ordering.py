class Ver:
    def __init__(self, *p): self.p = p
    def __lt__(self, o): return self.p < o.p
    def __repr__(self): return "v" + ".".join(map(str, self.p))
vs = [Ver(1, 2), Ver(1, 0), Ver(0, 9)]
print(sorted(vs), min(vs), max(vs), Ver(1) > Ver(0))
# expect: [v0.9, v1.0, v1.2] v0.9 v1.2 True
