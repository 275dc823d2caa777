print(bool(), bool(0), bool(1), bool([]), bool("x"), bool(None), bool(0.0), bool(-1), True == 1, True is True)
# expect: False False True False True False False True True True
