print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(7))
# expect: 1200 1200 1400 -1200 7
