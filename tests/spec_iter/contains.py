# CONTAINS_OP_DICT / CONTAINS_OP_SET: warm-up, misses on other containers,
# unhashable keys, keys whose __eq__ runs Python code, `not in`.
def has(x, c):
    return x in c

def lacks(x, c):
    return x not in c

d = {"a": 1, 2: "b", (1, 2): None, 3.5: 0}
s = {"a", 2, (1, 2), frozenset({1})}
for i in range(200):
    has("a", d)
    has(i, s)
    lacks(i, d)
print(has("a", d), has(2, d), has((1, 2), d), has(3.5, d), has("z", d), has(2.0, d), has(True, {1: 0}))
# expect: True True True True False True True
# a small int or a str probed inline against equal keys of other types
print(has(1, {1.0: 0}), has(0, {False: 0}), has(2 ** 59, {float(2 ** 59): 0}), has(-1, {-1.0: 0}),
      has("é", {"é": 1}), has("x" * 3, {"xxx": 1}), has(7, {7 + 2 ** 64 - 2 ** 64: 0}))
# expect: True True True True True True True
print(has("a", s), has(2, s), has(3, s), has(frozenset({1}), s), has({1}, s), lacks({1}, s))
# expect: True True False True True False
print(lacks("a", d), lacks("q", d), lacks(2, s), lacks(99, s))
# expect: False True False True
fs = frozenset([1, 2, 3])
print(has(1, fs), has(9, fs), has(1, [1]), has("b", "abc"), has(2, range(3)), has(1, (1,)))
# expect: True False True True True True

for c in (d, s):
    try:
        has([1], c)
    except TypeError as e:
        print(e)
# expect: unhashable type: 'list'
# expect: unhashable type: 'list'
try:
    has({}, d)
except TypeError as e:
    print(e)
# expect: unhashable type: 'dict'

class Key:
    calls = 0
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, other):
        Key.calls += 1
        return isinstance(other, Key) and self.k == other.k

dk = {Key(1): "one"}
for i in range(100):
    has(Key(1), dk)
print(has(Key(1), dk), has(Key(2), dk), Key.calls > 0)
# expect: True False True

class BadHash:
    def __hash__(self):
        raise RuntimeError("no hash")

try:
    has(BadHash(), d)
except RuntimeError as e:
    print(e)
# expect: no hash

class D(dict):
    def __contains__(self, k):
        return k == "magic"

class S(set):
    def __contains__(self, k):
        return True

print(has("magic", D()), has("a", D(a=1)), has(5, S()))
# expect: True False True

# the dict changes between calls
dd = {}
res = []
for i in range(150):
    res.append(has(i % 3, dd))
    dd[i % 3] = i
print(res[:4], res.count(True))
# expect: [False, False, False, True] 147
