d = {"a": 1, "b": 2, "c": 3}
print(list(reversed(d)), list(reversed(d.items())))
# expect: ['c', 'b', 'a'] [('c', 3), ('b', 2), ('a', 1)]
