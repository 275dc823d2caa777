try:
    int("12", 1)
except ValueError as e:
    print(e)
try:
    int("9", 8)
except ValueError as e:
    print(e)
print(int("Zz", 36), int("-0o17", 0))
# expect: int() base must be >= 2 and <= 36, or 0
# expect: invalid literal for int() with base 8: '9'
# expect: 1295 -15
