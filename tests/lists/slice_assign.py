a = list(range(8))
a[2:4] = ["x", "y", "z"]
print(a)
a[::2] = [0, 0, 0, 0, 0]
print(a)
a[1:1] = [9, 9]
print(a)
a[:] = "ab"
print(a)
# expect: [0, 1, 'x', 'y', 'z', 4, 5, 6, 7]
# expect: [0, 1, 0, 'y', 0, 4, 0, 6, 0]
# expect: [0, 9, 9, 1, 0, 'y', 0, 4, 0, 6, 0]
# expect: ['a', 'b']
