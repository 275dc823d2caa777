grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
# expect: [[1, 0, 0], [1, 0, 0]]
# expect: [[1, 0, 0], [0, 0, 0]]
