# & | ^ on small ints at run time (the interpreter computes them on tagged
# words), with negative operands and values near the small-int range, and
# + - * overflowing it.
def ops(a, b): return a & b, a | b, a ^ b, a + b, a - b, a * b

acc = 0
vals = [0, 1, -1, 5, -6, 255, -256, 2 ** 61, -(2 ** 61), 2 ** 62 - 1, -(2 ** 62)]
for i in range(200):
    a = vals[i % len(vals)]
    b = vals[(i * 7 + 3) % len(vals)] ^ i
    for r in ops(a, b):
        acc = (acc * 31 + r) % 1000000007
print(acc)
# expect: 88485695
print(ops(2 ** 62 - 1, 2 ** 62 - 1))
# expect: (4611686018427387903, 4611686018427387903, 0, 9223372036854775806, 0, 21267647932558653957237540927630737409)
print(ops(-(2 ** 62), -1))
# expect: (-4611686018427387904, -1, 4611686018427387903, -4611686018427387905, -4611686018427387903, 4611686018427387904)
