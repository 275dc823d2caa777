# Replacing a key while iterating keeps the size but is still detected.
d = {1: 1}
for k in d:
    del d[k]
    d[k + 1] = 1
# expect runtime error: RuntimeError: dictionary keys changed during iteration
