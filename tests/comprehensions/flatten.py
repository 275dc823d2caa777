matrix = [[1, 2, 3], [4, 5], [6]]
print([v for row in matrix for v in row], sum(len(r) for r in matrix))
# expect: [1, 2, 3, 4, 5, 6] 6
