print(1 == 1.0, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 3 < 3.5, -1 < -0.5)
print(10 ** 400 > 1e308, 1 == True, 0 == False)
# expect: True False True True True
# expect: True True True
