a = [1, 2, 3]
try:
    a[3]
except IndexError as e:
    print(e)
try:
    a["x"]
except TypeError as e:
    print(e)
a[-1] = 30
print(a)
# expect: list index out of range
# expect: list indices must be integers or slices, not str
# expect: [1, 2, 30]
