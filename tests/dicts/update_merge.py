d = {"a": 1}
d.update({"b": 2}, c=3)
d.update([("d", 4)])
print(d)
print({"a": 1} | {"a": 2, "b": 3})
d |= {"e": 5}
print(d)
# expect: {'a': 1, 'b': 2, 'c': 3, 'd': 4}
# expect: {'a': 2, 'b': 3}
# expect: {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5}
