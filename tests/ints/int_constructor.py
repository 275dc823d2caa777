print(int(), int(3.9), int(-3.9), int("42"), int(" -17 "), int("1_000"))
print(int("ff", 16), int("0x1F", 0), int("0b101", 0), int("z", 36), int("777", 8))
print(int(True), int("  12\n"))
# expect: 0 3 -3 42 -17 1000
# expect: 255 31 5 35 511
# expect: 1 12
