sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda: "no args")(), sorted([3, 1, 2], key=lambda v: -v))
# expect: 49 11 3 no args [3, 2, 1]
