d = {"a": 1, "b": 2}
d["c"] = 3
print(d, d["a"], len(d), "b" in d, "z" in d)
del d["b"]
print(d, list(d))
# expect: {'a': 1, 'b': 2, 'c': 3} 1 3 True False
# expect: {'a': 1, 'c': 3} ['a', 'c']
