t = (1, 2, 1, 3, 1)
print(t.count(1), t.index(3), t + (4,), t * 2, 2 in t)
# expect: 3 3 (1, 2, 1, 3, 1, 4) (1, 2, 1, 3, 1, 1, 2, 1, 3, 1) True
