a = [1, 2, 3, 2, 1]
print(a.index(2), a.index(2, 2), a.count(1), a.count(9))
try:
    a.index(9)
except ValueError as e:
    print(e)
# expect: 1 3 2 0
# expect: 9 is not in list
