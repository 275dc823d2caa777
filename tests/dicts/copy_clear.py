d = {"a": [1]}
e = d.copy()
e["a"].append(2)
e["b"] = 0
print(d, e)
d.clear()
print(d, len(e))
# expect: {'a': [1, 2]} {'a': [1, 2], 'b': 0}
# expect: {} 2
