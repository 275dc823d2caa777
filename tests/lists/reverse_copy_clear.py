a = [1, 2, 3]
b = a.copy()
a.reverse()
print(a, b, a is b)
a.clear()
print(a, b)
# expect: [3, 2, 1] [1, 2, 3] False
# expect: [] [1, 2, 3]
