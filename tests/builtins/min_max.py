print(min(3, 1, 2), max(3, 1, 2), min("bca"), max([1.5, 2, -1]), max("a", "bb", key=len), min([(2, "b"), (1, "z")]))
print(max([], default=None), min((5,)), max(range(10), key=lambda v: v % 7))
# expect: 1 3 a 2 bb (1, 'z')
# expect: None 5 6
