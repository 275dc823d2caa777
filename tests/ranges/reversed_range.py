print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), range(0, 10, 2) == range(0, 10, 2))
# expect: [4, 3, 2, 1, 0] [7, 4, 1] True
