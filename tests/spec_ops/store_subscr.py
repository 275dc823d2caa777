# STORE_SUBSCR list[int] = v and dict[k] = v, specialized and missed:
# out-of-range and negative indexes, new and existing keys, unhashable
# keys, other containers at the same site after warm-up.
def put(c, i, v): c[i] = v

lst = [0] * 10
for i in range(300):
    put(lst, i % 10, i)
print(lst)
# expect: [290, 291, 292, 293, 294, 295, 296, 297, 298, 299]
put(lst, -1, "last")
put(lst, -10, "first")
print(lst[0], lst[-1])
# expect: first last
for bad in (10, -11, 2 ** 62 - 1):
    try:
        put(lst, bad, 0)
    except IndexError as e:
        print(bad, e)
# expect: 10 list assignment index out of range
# expect: -11 list assignment index out of range
# expect: 4611686018427387903 list assignment index out of range
try:
    put(lst, 2 ** 80, 0)
except IndexError as e:
    print(e)
# expect: cannot fit 'int' into an index-sized integer
try:
    put(lst, "0", 0)
except TypeError as e:
    print(e)
# expect: list indices must be integers or slices, not str
try:
    put((1, 2), 0, 0)
except TypeError as e:
    print(e)
# expect: 'tuple' object does not support item assignment

d = {}
for i in range(300):
    put(d, "k%d" % (i % 7), i)
    put(d, i % 5, -i)
print(sorted(d.items(), key=repr))
# expect: [('k0', 294), ('k1', 295), ('k2', 296), ('k3', 297), ('k4', 298), ('k5', 299), ('k6', 293), (0, -295), (1, -296), (2, -297), (3, -298), (4, -299)]
put(d, (1, "t"), "tuple")
put(d, 2.0, "float-equal-to-2")
print(d[2], d[(1, "t")], len(d))
# expect: float-equal-to-2 tuple 13
try:
    put(d, [1], 0)
except TypeError as e:
    print(e)
# expect: unhashable type: 'list'

# The values stored are owned by the containers: the old ones are released.
class Tracked:
    alive = 0
    def __init__(self): Tracked.alive += 1
    def __del__(self): Tracked.alive -= 1
slots = [None] * 4
box = {}
for i in range(200):
    put(slots, i % 4, Tracked())
    put(box, i % 3, Tracked())
print(Tracked.alive)
# expect: 7
slots = None
box = None
print(Tracked.alive)
# expect: 0

# Other containers at the warm site.
class L(list):
    def __setitem__(self, i, v): print("L.__setitem__", i, v)
class D(dict):
    def __setitem__(self, k, v): print("D.__setitem__", k, v)
put(L([1]), 0, "x")
put(D(), "k", "y")
# expect: L.__setitem__ 0 x
# expect: D.__setitem__ k y
dd = {}
put(dd, True, "t")
put(dd, 1.0, "f")
put(lst, slice(0, 8), [])
print(dd, lst)
# expect: {True: 'f'} [298, 'last']

# Stores while the list shrinks and grows.
grow = []
for i in range(300):
    grow.append(None)
    put(grow, -1, i)
    if i % 40 == 39:
        del grow[3:]
print(sum(x for x in grow), len(grow))
# expect: 5793 23
