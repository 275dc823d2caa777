x = 42
g = globals()
print(g["x"], "x" in g, "__name__" in g)
def f():
    y = 1
    return sorted(locals())
print(f())
class K:
    z = 3
print(vars(K)["z"])
# expect: 42 True True
# expect: ['y']
# expect: 3
