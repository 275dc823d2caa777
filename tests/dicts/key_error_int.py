{}[42]
# expect runtime error: KeyError: 42
