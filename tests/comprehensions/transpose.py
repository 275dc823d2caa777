m = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in m] for i in range(3)], list(zip(*m)))
# expect: [[1, 4], [2, 5], [3, 6]] [(1, 4), (2, 5), (3, 6)]
