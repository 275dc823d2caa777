print(list(range(10))[slice(2, 8, 3)], slice(1, 2) == slice(1, 2))
# expect: [2, 5] True
