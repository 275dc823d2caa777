assert 1 > 2
# expect runtime error: AssertionError
