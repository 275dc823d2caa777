print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1.005, 2), round(123.456, -1), round(0.5))
print(round(1e300, 2), round(-0.4), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
# expect: 2 4 -2 2.67 1.0 120.0 0
# expect: 1e+300 0 int float
