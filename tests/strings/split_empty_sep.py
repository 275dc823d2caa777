"abc".split("")
# expect runtime error: ValueError: empty separator
