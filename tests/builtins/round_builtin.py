print(round(3.14159, 2), round(2.5), round(-0.5), round(7, 1), round(1.23456e10, -5), round(5.5))
# expect: 3.14 2 0 7 12345600000.0 6
