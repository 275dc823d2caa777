int("12abc")
# expect runtime error: ValueError: invalid literal for int() with base 10: '12abc'
