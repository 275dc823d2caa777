def step(cells):
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    counts[(x + dx, y + dy)] = counts.get((x + dx, y + dy), 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in cells)}
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
g = glider
for _ in range(8):
    g = step(g)
print(sorted(g), len(g), sorted((x - 2, y - 2) for x, y in g) == sorted(glider))
# expect: [(2, 4), (3, 2), (3, 4), (4, 3), (4, 4)] 5 True
