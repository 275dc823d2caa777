max([])
# expect runtime error: ValueError: max() arg is an empty sequence
