# CONTAINS_OP_SET's inline probe (small ints and strs with cached hashes in
# frozensets, and in sets while one thread runs): equal keys of other types,
# colliding hashes, deleted entries, large tables, -1 (hashed as -2).
def has(x, c):
    return x in c

def count(keys, c):
    n = 0
    for k in keys:
        if k in c:
            n += 1
    return n

big = frozenset(range(0, 3000, 3))
keys = list(range(-50, 3100))
print(count(keys, big), count(keys, set(big)))
# expect: 1000 1000
# Hashes that collide in a small table: 8, 16, 24 ... share home slots.
col = frozenset([8, 16, 24, 32, 40, 1, -1, -2])
print([k for k in range(-3, 50) if has(k, col)])
# expect: [-2, -1, 1, 8, 16, 24, 32, 40]
# Equal keys of other types: found through __eq__ (the probe gives up).
mixed = frozenset([1.0, 2.5, True, "ab", 3.0, -1.0])
print(has(1, mixed), has(2, mixed), has(3, mixed), has(-1, mixed), has(-2, mixed), has("a" + "b", mixed))
# expect: True False True True False True
s = {10, 20, 30, "x", "y"}
for i in range(200):
    has(i, s)
# Deleted entries keep probe chains intact.
for k in (10, "x"):
    s.discard(k)
print(has(10, s), has(20, s), has(30, s), has("x", s), has("y", s), count(range(40), s))
# expect: False True True False True 2
for k in range(100, 140):
    s.add(k)
for k in range(100, 140, 2):
    s.discard(k)
print(count(range(95, 145), s), has(20, s), has(101, s), has(102, s))
# expect: 20 True True False
# ints near the edges of the small range and the cheap-hash range.
edge = frozenset([2 ** 60 - 1, -(2 ** 60) + 1, 2 ** 61, -(2 ** 61), 2 ** 62 - 1])
print([has(k, edge) for k in (2 ** 60 - 1, -(2 ** 60) + 1, 2 ** 61, -(2 ** 61), 2 ** 62 - 1, 2 ** 60, 0)])
# expect: [True, True, True, True, True, False, False]
# A key whose __eq__ says yes to everything with its hash.
class Any:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        return True
print(has(5, frozenset([Any(5)])), has(6, frozenset([Any(5)])), has(5, {Any(5)}), has(7, {Any(13)}))
# expect: True False True False
