# Nested comprehensions with several for/if clauses and walrus in conditions.
print([(i, j) for i in range(3) if i for j in range(i) if j % 2 == 0])
print({k: [v for v in range(k)] for k in range(3)})
print({c for w in ["ab", "bc"] for c in w})
print(sum(x * x for x in range(5)), max(x for x in [3, 1, 2]))
print([y for x in range(6) if (y := x * 2) > 4])
print([[r * c for c in range(3)] for r in range(2)])
# expect: [(1, 0), (2, 0)]
# expect: {0: [], 1: [0], 2: [0, 1]}
# expect: {'c', 'a', 'b'}
# expect: 30 3
# expect: [6, 8, 10]
# expect: [[0, 0, 0], [0, 1, 2]]
