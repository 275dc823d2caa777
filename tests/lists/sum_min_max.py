a = [3, 1, 4, 1, 5, 9, 2, 6]
print(sum(a), min(a), max(a), sum(a, 10), max(a, key=lambda v: -v), min([], default="empty"))
# expect: 31 1 9 41 1 empty
