def f(a, b=2, c=[]):
    c.append(a)
    return a + b, c
print(f(1), f(1, 5), f(2))
# expect: (3, [1, 1, 2]) (6, [1, 1, 2]) (4, [1, 1, 2])
