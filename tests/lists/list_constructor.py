print(list(), list("abc"), list(range(3)), list((1, 2)), list({"a": 1, "b": 2}), list(x * 2 for x in range(3)))
# expect: [] ['a', 'b', 'c'] [0, 1, 2] [1, 2] ['a', 'b'] [0, 2, 4]
