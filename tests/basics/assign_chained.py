a = b = c = 7
print(a, b, c)
a += 1
print(a, b)
# expect: 7 7 7
# expect: 8 7
