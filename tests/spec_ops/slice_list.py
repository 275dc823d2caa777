# BUILD_SLICE fused with the subscript after it (BUILD_SLICE_SUBSCR_LIST,
# BUILD_SLICE_STORE_LIST): list slices with small-int or None bounds, warmed
# up, then every way the form misses (other containers, big or __index__
# bounds, step 0) and the errors the generic path raises.
def get(l, a, b, c): return l[a:b:c]
def get2(l, a, b): return l[a:b]
def rev(l): return l[::-1]
def copy(l): return l[:]
def put(l, a, b, v):
    l[a:b] = v
    return l
def put3(l, a, b, c, v):
    l[a:b:c] = v
    return l

base = list(range(10))
acc = 0
for i in range(200):
    for a in (None, -12, -3, 0, 2, 9, 15):
        for b in (None, -11, -2, 0, 4, 10, 20):
            for c in (None, 1, 2, -1, -3):
                acc = acc * 7 + sum(get(base, a, b, c)) + len(get(base, a, b, c)) & 0xFFFFFFFF
    acc += sum(get2(base, i % 5, -1)) + rev(base)[i % 10] + len(copy(base))
print(acc)
# expect: 1647980892
print(get(base, None, None, -2), get(base, 8, 1, -3), get(base, -3, None, None), get2(base, 3, 3))
# expect: [9, 7, 5, 3, 1] [8, 5, 2] [7, 8, 9] []

# The stores: lists, tuples, generators, the list itself, growing and shrinking.
acc = 0
for i in range(200):
    l = list(range(8))
    put(l, 2, 5, [i, i + 1])
    put(l, None, 1, (7, 7, 7))
    put(l, -2, None, (x * 2 for x in range(i % 4)))
    put(l, 3, 3, l)
    put3(l, 1, None, 3, [-1] * len(range(1, len(l), 3)))
    put3(l, None, None, -4, [9] * len(range(len(l) - 1, -1, -4)))
    acc = (acc * 31 + sum(l) + len(l)) & 0xFFFFFFFF
print(acc, l)
# expect: 2309395118 [7, -1, 7, 9, -1, 7, 1, 9, 200, 5, -1, 9, 4, -1, 199, 9, -1, 0, 2, 9]

# Other containers at warmed sites: tuples, strs, ranges, subclasses.
class L(list):
    def __getitem__(self, k):
        return ("L", k.start, k.stop, k.step)
    def __setitem__(self, k, v):
        print("L set", k, v)
print(get(tuple(base), 1, 8, 2), get("abcdefgh", None, None, -3), get(range(10), 2, 9, 3))
# expect: (1, 3, 5, 7) heb range(2, 9, 3)
print(get(L(base), 1, 2, None), get2(L(), None, -1), put(L(), 1, None, "xy"))
# expect: L set slice(1, None, None) xy
# expect: ('L', 1, 2, None) ('L', None, -1, None) []
# Bounds that are not small ints: big ints, bools, __index__, floats.
class I:
    def __index__(self):
        return 3
print(get(base, 2 ** 70, -2 ** 70, -1), get(base, True, I(), None), get2(base, False, I()))
# expect: [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] [1, 2] [0, 1, 2]
print(put(list(base), I(), 2 ** 80, "ab"), put3(list(base), True, None, I(), "xyz"))
# expect: [0, 1, 2, 'a', 'b'] [0, 'x', 2, 3, 'y', 5, 6, 'z', 8, 9]
try:
    get(base, 1.5, None, None)
except TypeError as e:
    print(e)
# expect: slice indices must be integers or None or have an __index__ method
try:
    put(list(base), None, "x", [])
except TypeError as e:
    print(e)
# expect: slice indices must be integers or None or have an __index__ method
# Step 0, extended-slice size mismatch, non-iterables.
try:
    get(base, None, None, 0)
except ValueError as e:
    print(e)
# expect: slice step cannot be zero
try:
    put3(list(base), None, None, 0, [])
except ValueError as e:
    print(e)
# expect: slice step cannot be zero
try:
    put3(list(base), None, None, 2, [1, 2])
except ValueError as e:
    print(e)
# expect: attempt to assign sequence of size 2 to extended slice of size 5
try:
    put(list(base), 1, 2, 5)
except TypeError as e:
    print(e)
# expect: can only assign an iterable
def bad():
    yield 1
    raise KeyError("inside")
try:
    put(list(base), 1, 2, bad())
except KeyError as e:
    print("KeyError", e)
# expect: KeyError 'inside'

# del and augmented assignment are not fused; they still work.
def delete(l, a, b):
    del l[a:b]
    return l
def augment(l, a, b):
    l[a:b] += [0]
    return l
for i in range(200):
    d = delete(list(base), i % 3, -i % 4 - 1)
    g = augment(list(base), i % 5, 7)
print(d, g)
# expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] [0, 1, 2, 3, 4, 5, 6, 0, 7, 8, 9]

# Slices inside a tuple subscript are built but not fused (no subscript follows).
class M:
    def __getitem__(self, k):
        return k
def multi(o, a, b):
    return o[a:b, b:a, ::2]
for i in range(200):
    r = multi(M(), i, -i)
print(r)
# expect: (slice(199, -199, None), slice(-199, 199, None), slice(None, None, 2))
try:
    multi(base, 1, 2)
except TypeError as e:
    print(e)
# expect: list indices must be integers or slices, not tuple
