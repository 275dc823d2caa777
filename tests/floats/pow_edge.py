print(2.0 ** 10, 2 ** 0.5, 4 ** -0.5, (-8.0) ** 3, 0.0 ** 0, 10.0 ** -3)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(e)
# expect: 1024.0 1.4142135623730951 0.5 -512.0 1.0 0.001
# expect: 0.0 cannot be raised to a negative power
