s = {1}
s.remove(2)
# expect runtime error: KeyError: 2
