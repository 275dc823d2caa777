max()
# expect runtime error: TypeError: max expected at least 1 argument, got 0
