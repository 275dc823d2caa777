print(sorted([3, 1, 2]), sorted("cba"), sorted([3, 1, 2], reverse=True), sorted({"b": 1, "a": 2}))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(3))))
# expect: [1, 2, 3] ['a', 'b', 'c'] [3, 2, 1] ['a', 'b']
# expect: [3, 2, 1] ['c', 'b', 'a'] [2, 1] [2, 1, 0]
