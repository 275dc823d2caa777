# Starred and nested assignment targets.
a, *b, c = range(6)
print(a, b, c)
[x, (y, *z)], w = [1, (2, 3, 4)], 5
print(x, y, z, w)
*first, = "ab"
print(first)
for i, *rest in [(1, 2, 3), (4,)]:
    print(i, rest)
m = n = [0, 0]
m[0], n[1] = 1, 2
print(m, n, [*m, *n], (*m, 9), {*m})
d = {**{"a": 1}, "b": 2, **{"c": 3}}
print(d)
# expect: 0 [1, 2, 3, 4] 5
# expect: 1 2 [3, 4] 5
# expect: ['a', 'b']
# expect: 1 [2, 3]
# expect: 4 []
# expect: [1, 2] [1, 2] [1, 2, 1, 2] (1, 2, 9) {1, 2}
# expect: {'a': 1, 'b': 2, 'c': 3}
