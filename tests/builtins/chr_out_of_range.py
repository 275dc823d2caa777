chr(0x110000)
# expect runtime error: ValueError: chr() arg not in range(0x110000)
