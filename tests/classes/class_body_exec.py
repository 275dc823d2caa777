class C:
    print("in class body")
    x = 1
    y = x + 1
    def m(self): return self.y
print(C.y, C().m(), sorted(k for k in vars(C) if not k.startswith("__")))
# expect: in class body
# expect: 2 2 ['m', 'x', 'y']
