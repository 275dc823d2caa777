a = [1, [2, [3, []]], "s", None, 1.5, (1,), {"k": [1]}]
print(a)
print(repr(a) == str(a))
# expect: [1, [2, [3, []]], 's', None, 1.5, (1,), {'k': [1]}]
# expect: True
