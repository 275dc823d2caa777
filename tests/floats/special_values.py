inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf - inf, inf * 0, nan == nan, inf > 1e308)
print(float("-Infinity"), float(" nan "), float("1e500"))
# expect: inf -inf nan nan nan False True
# expect: -inf nan inf
