int(float("inf"))
# expect runtime error: OverflowError: cannot convert float infinity to integer
