a = [1, 2]
print(a + [3], a * 3, 3 * [0], [1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0])
print(2 in a, 5 not in a, len(a), bool([]), bool([0]))
# expect: [1, 2, 3] [1, 2, 1, 2, 1, 2] [0, 0, 0] True True True True
# expect: True True 2 False True
