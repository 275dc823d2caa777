# Freeing very deeply nested dicts and frozensets does not overflow the C stack.
d = {}
for i in range(300000):
    d = {0: d}
del d
s = frozenset()
for i in range(300000):
    s = frozenset([s])
del s
class D(dict):
    pass
x = D()
for i in range(100000):
    x = D(k=x)
del x
print("done")
# expect: done
