# A key whose __eq__ mutates the dict during a lookup: the table stays consistent.
class K:
    def __init__(self, v, target=None, grow=False):
        self.v, self.target, self.grow = v, target, grow
    def __hash__(self):
        return 7
    def __eq__(self, other):
        t, self.target = self.target, None
        if t is not None:
            if self.grow:
                for i in range(100):
                    t[i] = i
            else:
                t.clear()
        return isinstance(other, K) and self.v == other.v
for grow in (False, True):
    d = {}
    d[K(1, d, grow)] = "a"
    d[K(2)] = "b"
    d[K(1)] = "c"
    print(len(d), sorted(v for v in d.values() if isinstance(v, str)))
# expect: 2 ['b', 'c']
# expect: 102 ['b', 'c']
