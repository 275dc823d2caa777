print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([], 5), sum((True, True)))
# expect: 6 0.9999999999999999 [1, 2] 5050 5 2
