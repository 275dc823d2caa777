print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
r = range(1, 20, 4)
print(r, len(r), r[2], r[-1], r[1:3], 9 in r, 10 in r, r.index(13), r.count(5))
# expect: [0, 1, 2, 3, 4] [2, 3, 4, 5, 6, 7] [10, 7, 4, 1] [] []
# expect: range(1, 20, 4) 5 9 17 range(5, 13, 4) True False 3 1
