class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
c["x"] = c["x"] + 1
c["x"] += 1
print(c["x"], c["y"], c, isinstance(c, dict))
# expect: 2 0 {'x': 2} True
