print(any([0, 0, 1]), any([]), all([1, 2]), all([]), all(x > 0 for x in [1, -1]), any(x > 5 for x in range(3)))
# expect: True False True True False False
