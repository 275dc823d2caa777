# BINARY_SUBSCR on list[int], tuple[int], dict[key] and str[int], specialized
# and missed: negative and out-of-range indexes, absent keys, other
# containers and index types at the same site after warm-up.
def get(c, i): return c[i]

lst = list(range(10, 20))
print(sum(get(lst, i % 10) for i in range(300)), get(lst, -1), get(lst, -10))
# expect: 4350 19 10
for bad in (10, -11, 2 ** 62 - 1, -(2 ** 62)):
    try:
        get(lst, bad)
    except IndexError as e:
        print(bad, e)
# expect: 10 list index out of range
# expect: -11 list index out of range
# expect: 4611686018427387903 list index out of range
# expect: -4611686018427387904 list index out of range
tup = tuple("abcdef")
print("".join(get(tup, i % 6) for i in range(240))[-6:], get(tup, -2))
# expect: abcdef e
try:
    get(tup, 6)
except IndexError as e:
    print(e)
# expect: tuple index out of range
d = {"a": 1, 2: "two", (1, 2): [3], 2.5: None}
print([get(d, k) for k in ["a", 2, (1, 2), 2.5] * 60][-4:])
# expect: [1, 'two', [3], None]
try:
    get(d, "zz")
except KeyError as e:
    print(repr(e))
# expect: KeyError('zz')
try:
    get(d, (1, 3))
except KeyError as e:
    print(repr(e))
# expect: KeyError((1, 3))
try:
    get(d, [1])
except TypeError as e:
    print(e)
# expect: unhashable type: 'list'
s = "héllo"
print("".join(get(s, i % 5) for i in range(200))[:5], get(s, -5))
# expect: héllo h
try:
    get(s, 5)
except IndexError as e:
    print(e)
# expect: string index out of range

# Other containers and index kinds at the warm sites.
print(get(lst, True), get(lst, slice(1, 3)), get(tup, slice(None, None, -2)), get(s, slice(1, 3)))
# expect: 11 [11, 12] ('f', 'd', 'b') él
print(get(range(5), 3), get({1: "d"}, True), get([[1, 2]], 0), get(lst, 2 ** 0))
# expect: 3 d [1, 2] 11
try:
    get(lst, "1")
except TypeError as e:
    print(e)
# expect: list indices must be integers or slices, not str
try:
    get(lst, 1.0)
except TypeError as e:
    print(e)
# expect: list indices must be integers or slices, not float
try:
    get(5, 0)
except TypeError as e:
    print(e)
# expect: 'int' object is not subscriptable
try:
    get(lst, 2 ** 80)
except IndexError as e:
    print(e)
# expect: cannot fit 'int' into an index-sized integer

class L(list):
    def __getitem__(self, i): return ("L", i)
class D(dict):
    def __missing__(self, k): return ("missing", k)
class T(tuple):
    def __getitem__(self, i): return "T"
print(get(L([1, 2]), 0), get(D(a=1), "a"), get(D(), "q"), get(T((1,)), 0))
# expect: ('L', 0) 1 ('missing', 'q') T

# A list that shrinks and grows between warm accesses.
grow = [0]
out = []
for i in range(300):
    grow.append(i)
    if i % 50 == 49:
        del grow[5:]
    out.append(get(grow, len(grow) - 1))
print(sum(out), len(grow))
# expect: 43824 5
