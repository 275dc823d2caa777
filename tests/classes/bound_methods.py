class C:
    def m(self): return "m"
c = C()
bm = c.m
print(bm(), bm.__self__ is c, bm.__func__ is C.m, C.m(c), c.m == c.m)
# expect: m True True m True
