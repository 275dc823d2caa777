a = list(range(10))
del a[::3]
print(a)
del a[1:3]
print(a)
del a[-1]
print(a)
# expect: [1, 2, 4, 5, 7, 8]
# expect: [1, 5, 7, 8]
# expect: [1, 5, 7]
