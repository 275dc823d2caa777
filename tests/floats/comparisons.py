print(0.1 + 0.2 == 0.3, 0.1 + 0.2 > 0.3, 1.0 < float("nan"), max(1.5, 2, 0.5), min([3.5, -1.0]))
# expect: False True False 2 -1.0
