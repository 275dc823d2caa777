def f(*a, **k): return a, k
print(f(*[1], *(2, 3), 4, *range(2)))
print(f(**{'a': 1}, b=2, **{'c': 3}))
print(f(1, *[2], x=1, **{'y': 2}))
try:
    f(x=1, **{'x': 2})
except TypeError as e:
    print(e)
def g(a, b, c): return a + b + c
print(g(*"ab", c="c"), g(1, *[2, 3]))
class M:
    def m(self, *a, **k): return a, k
o = M()
print(o.m(*[1, 2], **{'z': 0}), M.m(o, 5))
bm = o.m
print(bm(1, k=2), bm == o.m, bm.__self__ is o, bm.__func__ is M.m)
print(hash(bm) == hash(o.m))
print(6)
print((lambda *a: a)(*()))
print(max(*[3, 1, 2]), min([4, 5], key=lambda v: -v))
d = dict(a=1)
print(sorted(f(**d, **{'b': 2})[1].items()))
# expect: ((1, 2, 3, 4, 0, 1), {})
# expect: ((), {'a': 1, 'b': 2, 'c': 3})
# expect: ((1, 2), {'x': 1, 'y': 2})
# expect: __main__.f() got multiple values for keyword argument 'x'
# expect: abc 6
# expect: ((1, 2), {'z': 0}) ((5,), {})
# expect: ((1,), {'k': 2}) True True True
# expect: True
# expect: 6
# expect: ()
# expect: 3 5
# expect: [('a', 1), ('b', 2)]
