x = 10
x += 3; print(x)
x -= 1; print(x)
x *= 2; print(x)
x //= 5; print(x)
x %= 3; print(x)
x **= 5; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x |= 5; print(x)
x &= 6; print(x)
x ^= 3; print(x)
y = 7.0
y /= 2; print(y)
# expect: 13
# expect: 12
# expect: 24
# expect: 4
# expect: 1
# expect: 1
# expect: 4
# expect: 2
# expect: 7
# expect: 6
# expect: 5
# expect: 3.5
