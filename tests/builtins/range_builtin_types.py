print(type(range(3)).__name__, isinstance(range(1), range), range(3) == range(0, 3), range(0) == range(2, 2))
# expect: range True True True
