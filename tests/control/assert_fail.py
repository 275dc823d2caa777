x = 3
assert x == 4, f"x was {x}"
# expect runtime error: AssertionError: x was 3
