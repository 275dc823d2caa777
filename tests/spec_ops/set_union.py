# BUILD_SET fused with the BINARY_OP | after it (BUILD_SET_UNION, `s | {x}`):
# results, types and iteration order as CPython's (the same table), for
# sets and frozensets of many sizes; the misses and the errors.
def union(s, x):
    return s | {x}

acc = []
for n in range(60):
    base = frozenset(range(0, 7 * n, 7))
    r = union(base, n * 13 - 40)
    m = union(set(base), str(n))
    acc.append(list(r)[:5] + list(r)[-3:])
    if n % 7 == 0:
        print(type(r).__name__, type(m).__name__, len(r), len(m), list(r) == list(base | {n * 13 - 40}))
# expect: frozenset set 1 1 True
# expect: frozenset set 8 8 True
# expect: frozenset set 15 15 True
# expect: frozenset set 22 22 True
# expect: frozenset set 29 29 True
# expect: frozenset set 36 36 True
# expect: frozenset set 43 43 True
# expect: frozenset set 50 50 True
# expect: frozenset set 57 57 True
print(acc[3], acc[17], acc[59])
# expect: [0, -1, 14, 7, -1, 14, 7] [0, 70, 7, 77, 14, 181, 56, 63] [0, 385, 259, 133, 7, 378, 252, 126]
# A chain as in nqueens: each result is the next left operand.
s = frozenset()
for i in range(300):
    s = union(s, (i * 37) % 101)
print(len(s), list(s)[:10])
# expect: 101 [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
# Keys already present, equal keys of other types (the first one stays).
print(union(frozenset([1, 2]), 1.0), union({1.0, 2.5}, 1), union(frozenset(["a"]), "a"))
# expect: frozenset({1, 2}) {1.0, 2.5} frozenset({'a'})
# The left operand is not left alone: the result is a copy.
t = {1, 2}
u = union(t, 3)
print(t, u, u is t)
# expect: {1, 2} {1, 2, 3} False

# Misses at the warmed site: other left operands.
class S(set):
    def __or__(self, other):
        return "S.__or__"
class F(frozenset):
    pass
print(union(S([1]), 2), type(union(F([1]), 2)).__name__, union(F([1]), 2))
# expect: S.__or__ frozenset frozenset({1, 2})
print(union({}.keys(), 1), union({"a": 1}.keys(), "b") == {"a", "b"})
# expect: {1} True
for bad in (None, [1], 5, "ab"):
    try:
        union(bad, 1)
    except TypeError as e:
        print(e)
# expect: unsupported operand type(s) for |: 'NoneType' and 'set'
# expect: unsupported operand type(s) for |: 'list' and 'set'
# expect: unsupported operand type(s) for |: 'int' and 'set'
# expect: unsupported operand type(s) for |: 'str' and 'set'
# Unhashable keys raise as BUILD_SET does, before the operator runs.
for left in (frozenset([1]), {1}, None):
    try:
        union(left, [2])
    except TypeError as e:
        print(e)
# expect: unhashable type: 'list'
# expect: unhashable type: 'list'
# expect: unhashable type: 'list'
# A key whose __hash__ and __eq__ run Python code: called as often as in CPython.
class K:
    calls = []
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        K.calls.append("hash")
        return 1
    def __eq__(self, other):
        K.calls.append("eq")
        return isinstance(other, K) and self.v == other.v
r = union(frozenset([K(1)]), K(1))
print(len(r), K.calls)
# expect: 1 ['hash', 'hash', 'eq']

# Not fused: |=, {x} | s, two-element displays, other operators.
def others(s, x):
    a = set(s)
    a |= {x}
    return a, {x} | s, s | {x, x + 1}, s & {x}, s - {x}
for i in range(200):
    res = others(frozenset([1, 2, 3]), i % 5)
print(res)
# expect: ({1, 2, 3, 4}, {1, 2, 3, 4}, frozenset({1, 2, 3, 4, 5}), frozenset(), frozenset({1, 2, 3}))
