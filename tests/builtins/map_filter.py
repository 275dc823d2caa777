print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(filter(None, [0, 1, "", "a", None])))
print(list(filter(lambda v: v % 2, range(10))), list(map(str.upper, "ab")))
# expect: [1, 2, 3] [4, 10] [1, 'a']
# expect: [1, 3, 5, 7, 9] ['A', 'B']
