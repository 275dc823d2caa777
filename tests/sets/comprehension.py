print({x % 5 for x in range(20)}, sorted({c for c in "mississippi"}))
# expect: {0, 1, 2, 3, 4} ['i', 'm', 'p', 's']
