d = {"a": 1, "b": 2, "c": 3}
print(d.keys(), d.values(), d.items())
print(list(d.keys()), list(d.values()), list(d.items()))
print("a" in d.keys(), 2 in d.values(), ("c", 3) in d.items())
k = d.keys()
d["d"] = 4
print(len(k), sorted(k))
# expect: dict_keys(['a', 'b', 'c']) dict_values([1, 2, 3]) dict_items([('a', 1), ('b', 2), ('c', 3)])
# expect: ['a', 'b', 'c'] [1, 2, 3] [('a', 1), ('b', 2), ('c', 3)]
# expect: True True True
# expect: 4 ['a', 'b', 'c', 'd']
