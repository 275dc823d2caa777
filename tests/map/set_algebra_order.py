# Results of set algebra print in CPython's order (intersection swaps operands, ^ copies the right side).
a = set(range(0, 60, 3))
b = set(range(0, 60, 5))
print(a & b, b & a)
print(a | b)
print(a - b, b - a)
print(a ^ b, b ^ a)
print(a.intersection(b, range(30)), a.difference(b, [3, 6]), a.union([100, 7], (8,)))
c = set(a)
c.symmetric_difference_update(range(10))
print(c)
c.difference_update(range(0, 100, 2))
print(c)
c &= {x for x in range(100) if x % 3 == 0}
print(c)
print(frozenset(a) | b, type(frozenset(a) | b).__name__, type(b | frozenset(a)).__name__)
# expect: {0, 45, 30, 15} {0, 45, 30, 15}
# expect: {0, 3, 5, 6, 9, 10, 12, 15, 18, 20, 21, 24, 25, 27, 30, 33, 35, 36, 39, 40, 42, 45, 48, 50, 51, 54, 55, 57}
# expect: {33, 3, 36, 6, 39, 9, 42, 12, 48, 18, 51, 21, 54, 24, 57, 27} {35, 5, 40, 10, 50, 20, 55, 25}
# expect: {3, 5, 6, 9, 10, 12, 18, 20, 21, 24, 25, 27, 33, 35, 36, 39, 40, 42, 48, 50, 51, 54, 55, 57} {3, 5, 6, 9, 10, 12, 18, 20, 21, 24, 25, 27, 33, 35, 36, 39, 40, 42, 48, 50, 51, 54, 55, 57}
# expect: {0, 15} {33, 36, 39, 9, 42, 12, 48, 18, 51, 21, 54, 24, 57, 27} {0, 3, 6, 7, 8, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 100, 39, 42, 45, 48, 51, 54, 57}
# expect: {1, 2, 4, 5, 7, 8, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45, 48, 51, 54, 57}
# expect: {1, 5, 7, 15, 21, 27, 33, 39, 45, 51, 57}
# expect: {33, 39, 45, 15, 51, 21, 57, 27}
# expect: frozenset({0, 3, 5, 6, 9, 10, 12, 15, 18, 20, 21, 24, 25, 27, 30, 33, 35, 36, 39, 40, 42, 45, 48, 50, 51, 54, 55, 57}) frozenset set
