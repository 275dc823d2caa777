# chaos game: a Sierpinski-style fractal from a seeded random walk over a grid.
import random


def chaos(iterations, size):
    random.seed(1234)
    corners = [(0.0, 0.0), (size - 1.0, 0.0), ((size - 1) / 2.0, size - 1.0)]
    grid = [[0] * size for _ in range(size)]
    x, y = size / 3.0, size / 3.0
    for _ in range(iterations):
        cx, cy = random.choice(corners)
        x = (x + cx) / 2.0
        y = (y + cy) / 2.0
        grid[int(y)][int(x)] += 1
    filled = sum(1 for row in grid for cell in row if cell)
    checksum = 0
    for j, row in enumerate(grid):
        for i, cell in enumerate(row):
            checksum = (checksum * 31 + cell * (i + 1) * (j + 1)) % 1000000007
    return filled, checksum


print("chaos %d %d" % chaos(800000, 128))
