def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
print(matmul(a, b))
ident = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
m = [[2, 0, 1], [1, 3, 2], [1, 1, 1]]
print(matmul(m, ident) == m)
# expect: [[19, 22], [43, 50]]
# expect: True
