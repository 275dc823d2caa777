# List slices read and assigned in a loop (the interpreter slices an exact
# list directly for small-int or None bounds), bounds of other kinds, and
# slice objects kept by names while others are built and dropped.
l = list(range(10))
keep = slice(1, 8, 2)
acc = []
for i in range(150):
    k = i % 10
    a = l[k:]
    b = l[:k:-1]
    l[:k + 1] = l[k::-1]
    acc.append(sum(a) - sum(b) + l[0])
    if i % 50 == 0:
        print(k, a, b, l[keep], keep)
# expect: 0 [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] [9, 8, 7, 6, 5, 4, 3, 2, 1] [1, 3, 5, 7] slice(1, 8, 2)
# expect: 0 [5, 4, 6, 3, 7, 2, 8, 1, 9, 0] [0, 9, 1, 8, 2, 7, 3, 6, 4] [4, 3, 2, 1] slice(1, 8, 2)
# expect: 0 [2, 7, 8, 3, 1, 6, 9, 4, 0, 5] [5, 0, 4, 9, 6, 1, 3, 8, 7] [7, 3, 6, 4] slice(1, 8, 2)
print(sum(acc), l)
# expect: 1350 [6, 1, 9, 3, 4, 8, 0, 7, 5, 2]
print(l[2 ** 70:], l[-2 ** 70:2], l[True:3], l[::3])
# expect: [] [6, 1] [1, 9] [6, 3, 0, 2]
l[1:3] = "ab"
l[::4] = [None] * 3
print(l, keep.start, keep.stop, keep.step)
# expect: [None, 'a', 'b', 3, None, 8, 0, 7, None, 2] 1 8 2
try:
    l[::2] = [1]
except ValueError as e:
    print(e)
# expect: attempt to assign sequence of size 1 to extended slice of size 5
try:
    l[1:"x"]
except TypeError as e:
    print(e)
# expect: slice indices must be integers or None or have an __index__ method
