d = {"x": 1, "y": 2}
print(d.get("x"), d.get("q"), d.get("q", 0), d.setdefault("z", 3), d.setdefault("x", 9), d)
print(d.pop("y"), d.pop("nope", "default"), d)
print(d.popitem(), d)
# expect: 1 None 0 3 1 {'x': 1, 'y': 2, 'z': 3}
# expect: 2 default {'x': 1, 'z': 3}
# expect: ('z', 3) {'x': 1}
