class Grid:
    def __init__(self): self.cells = {}
    def __getitem__(self, key): return self.cells.get(key, ".")
    def __setitem__(self, key, v): self.cells[key] = v
    def __delitem__(self, key): del self.cells[key]
    def __len__(self): return len(self.cells)
    def __contains__(self, key): return key in self.cells
g = Grid()
g[1, 2] = "#"
print(g[1, 2], g[0, 0], len(g), (1, 2) in g, (0, 0) in g)
del g[1, 2]
print(len(g), bool(g))
# expect: # . 1 True False
# expect: 0 False
