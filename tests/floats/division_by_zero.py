print(1.0 / 0)
# expect runtime error: ZeroDivisionError: float division by zero
