fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
# expect: [2, 2, 2]
# expect: [0, 1, 2]
