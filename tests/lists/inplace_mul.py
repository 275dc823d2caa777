a = [1, 2]
b = a
a *= 3
print(a, b is a)
a *= 0
print(a)
# expect: [1, 2, 1, 2, 1, 2] True
# expect: []
