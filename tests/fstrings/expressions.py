items = [1, 2, 3]
d = {"k": "v"}
print(f"{len(items)} {items[-1]} {d['k']} {sum(i * i for i in items)} {'yes' if items else 'no'}")
print(f"{(lambda v: v * 2)(4)} {[i for i in range(3)]} {items!s:>12}")
# expect: 3 3 v 14 yes
# expect: 8 [0, 1, 2]    [1, 2, 3]
