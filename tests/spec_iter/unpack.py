# UNPACK_SEQUENCE_TWO_TUPLE / _TUPLE / _LIST: warm-up, wrong lengths (the
# ValueError texts of CPython), and other iterables after warm-up.
def two(seq):
    a, b = seq
    return a - b

def three(seq):
    a, b, c = seq
    return (c, b, a)

for i in range(200):
    two((i, 1))
    three((1, 2, i))
print(two((5, 3)), two([7, 1]), two("ba") if False else two((0, 0)), two(iter((9, 4))), two({3: 0, 1: 0}))
# expect: 2 6 0 5 2
print(three((1, 2, 3)), three([4, 5, 6]), three("xyz"), three(range(3)))
# expect: (3, 2, 1) (6, 5, 4) ('z', 'y', 'x') (2, 1, 0)

for seq in [(1,), (1, 2, 3), [1], [1, 2, 3], (), []]:
    try:
        two(seq)
    except ValueError as e:
        print(e)
# expect: not enough values to unpack (expected 2, got 1)
# expect: too many values to unpack (expected 2)
# expect: not enough values to unpack (expected 2, got 1)
# expect: too many values to unpack (expected 2)
# expect: not enough values to unpack (expected 2, got 0)
# expect: not enough values to unpack (expected 2, got 0)

try:
    three(5)
except TypeError as e:
    print(e)
# expect: cannot unpack non-iterable int object

def lst(seq):
    a, b, c, d = seq
    return a + b + c + d

for i in range(200):
    lst([i, 1, 2, 3])
print(lst([1, 2, 3, 4]), lst((1, 1, 1, 1)), lst("abcd"))
# expect: 10 4 abcd
for seq in [[1, 2, 3], [1, 2, 3, 4, 5], (1, 2, 3)]:
    try:
        lst(seq)
    except ValueError as e:
        print(e)
# expect: not enough values to unpack (expected 4, got 3)
# expect: too many values to unpack (expected 4)
# expect: not enough values to unpack (expected 4, got 3)

class T(tuple):
    pass

class Lst(list):
    def __iter__(self):
        return iter([10, 20])

print(two(T((8, 3))), two(Lst([1, 2, 3])))
# expect: 5 -10

# swapping and for-loop targets
def swaps(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a

print(swaps(90))
# expect: 2880067194370816120
def items(d):
    s = 0
    for k, v in d.items():
        s += k * v
    return s

for i in range(100):
    items({1: 2, 3: 4})
print(items({2: 5, 10: 10}))
# expect: 110
try:
    for k, v in [(1, 2), (3, 4, 5)]:
        pass
except ValueError as e:
    print(e)
# expect: too many values to unpack (expected 2)

# the unpacked items stay alive after the sequence is gone
def fresh():
    a, b = [str(1) * 3, str(2) * 3]
    return a + b

for i in range(100):
    fresh()
print(fresh())
# expect: 111222
