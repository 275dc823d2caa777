a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, b - a)
print(a.union(b, [9]), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a <= {1, 2, 3, 4, 5}, a < a, a >= {1}, {1, 2}.isdisjoint({3}), {1}.issubset(a), a.issuperset({2, 3}))
# expect: {1, 2, 3, 4, 5} {3, 4} {1, 2} {1, 2, 5} {5}
# expect: {1, 2, 3, 4, 5, 9} {3, 4} {1, 2} {1, 2, 5}
# expect: True False True True True True
