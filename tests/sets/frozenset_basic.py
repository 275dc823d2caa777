f = frozenset([3, 1, 2])
print(f, len(f), 1 in f, f | {9}, type(f | {9}).__name__, frozenset(), hash(f) == hash(frozenset({1, 2, 3})))
d = {f: "frozen key"}
print(d[frozenset({1, 2, 3})])
# expect: frozenset({1, 2, 3}) 3 True frozenset({1, 2, 3, 9}) frozenset frozenset() True
# expect: frozen key
