s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(3), slice(None, -1).indices(10))
print([0, 1, 2, 3, 4, 5][s], "abcdef"[slice(None, None, -2)])
# expect: slice(1, 10, 2) 1 10 2 (1, 5, 2) slice(None, 3, None) (0, 9, 1)
# expect: [1, 3, 5] fdb
