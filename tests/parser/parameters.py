# Parameter lists: positional-only, keyword-only, defaults, *args, **kwargs.
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return a, b, c, args, d, e, kw
print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, z=7))
def g(*, k): return k
print(g(k=1))
h = lambda a, /, b=1, *r, c, **k: (a, b, r, c, k)
print(h(0, c=2), h(0, 1, 2, 3, c=4, x=5))
def ann(x: int = 1, *y: str, z: "q" = 2, **w: float) -> list: return [x, y, z, w]
print(ann(), sorted(ann.__annotations__))
# expect: (1, 2, 3, (), 4, 5, {})
# expect: (1, 2, 3, (4, 5), 6, 5, {'z': 7})
# expect: 1
# expect: (0, 1, (), 2, {}) (0, 1, (2, 3), 4, {'x': 5})
# expect: [1, (), 2, {}] ['return', 'w', 'x', 'y', 'z']
