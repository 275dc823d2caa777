# FOR_ITER over range (FOR_ITER_RANGE): warm up, then other iterables and
# big ranges that the specialized form must give back to the generic path.
def total(it):
    s = 0
    for x in it:
        s += x
    return s

acc = 0
for i in range(200):
    acc += total(range(i % 7))
print(acc)
# expect: 984
print(total(range(10, 0, -3)), total(range(5, 5)), total(range(-4, 4, 2)))
# expect: 22 0 -4
print(total([1, 2, 3]), total((4, 5)), total({7: 1, 8: 2}), total(x for x in (1, 1)))
# expect: 6 9 15 2
big = 2 ** 70
print(total(range(big, big + 3)) - 3 * big)
# expect: 3
for i in range(200):
    acc += total(range(3))
print(acc)
# expect: 1584

# break and else with a warmed-up range loop
def first_multiple(n, k):
    for x in range(1, n):
        if x % k == 0:
            break
    else:
        return None
    return x

print([first_multiple(10, k) for k in range(1, 13)])
# expect: [1, 2, 3, 4, 5, 6, 7, 8, 9, None, None, None]
for i in range(150):
    first_multiple(50, 7)
print(first_multiple(10, 3), first_multiple(10, 11))
# expect: 3 None

# the loop variable after the loop, and an empty range after warm-up
def last(it):
    x = "unset"
    for x in it:
        pass
    return x

for i in range(150):
    last(range(i))
print(last(range(0)), last(range(4)), last(range(2 ** 63, 2 ** 63 + 2)))
# expect: unset 3 9223372036854775809
