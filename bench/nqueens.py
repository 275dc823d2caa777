# n-queens: generators, sets and recursion.
def solve(n):
    def place(row, cols, diag1, diag2):
        if row == n:
            yield ()
            return
        for col in range(n):
            if col in cols or (row + col) in diag1 or (row - col) in diag2:
                continue
            for rest in place(row + 1, cols | {col}, diag1 | {row + col}, diag2 | {row - col}):
                yield (col,) + rest
    return place(0, frozenset(), frozenset(), frozenset())


results = []
for n in (6, 7, 8, 9, 10, 10, 10, 10):
    count = 0
    first = None
    for sol in solve(n):
        if first is None:
            first = sol
        count += 1
    results.append((n, count, first))
print("nqueens", results)
