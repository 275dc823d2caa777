class AttrDict(dict):
    def __getattr__(self, k):
        return self[k]
d = AttrDict(a=1)
d["b"] = 2
print(d.a, d.b, d, len(d))
# expect: 1 2 {'a': 1, 'b': 2} 2
