x = "outer"
r = [x for x in range(3)]
print(x, r)
# expect: outer [0, 1, 2]
