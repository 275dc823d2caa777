# Comparisons of floats, float/int mixes and small ints at one site, taking
# and not taking the branch; nan, signed zero, ints past 2**53; the floats
# compared are released (no value a name holds changes).
def lt(a, b): return a < b
def ge(a, b): return a >= b
def ne(a, b): return a != b

pairs = [(1.5, 2.5), (2.5, 1.5), (0.0, -0.0), (float("nan"), 1.0), (3, 3.0),
         (2 ** 53 + 1, float(2 ** 53)), (-1, 0.5), (7, 7), (7, -7)]
n = 0
for i in range(300):
    a, b = pairs[i % len(pairs)]
    if lt(a, b):
        n += 1
    if ge(a, b):
        n += 10
    n += 100 * ne(a, b)
    x = a * 1.0 if isinstance(a, float) else a
    if x < b or x == b:
        n += 1000
print(n)
# expect: 189067
print([(lt(a, b), ge(a, b), ne(a, b)) for a, b in pairs])
# expect: [(True, False, True), (False, True, True), (False, True, False), (False, False, True), (False, True, False), (False, True, True), (True, False, True), (False, True, False), (False, True, True)]
