for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
# expect: 0 1 2
# expect: 1 3 4
