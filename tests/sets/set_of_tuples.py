s = {(1, 2), (3, 4), (1, 2)}
print(len(s), (1, 2) in s, sorted(s))
# expect: 2 True [(1, 2), (3, 4)]
