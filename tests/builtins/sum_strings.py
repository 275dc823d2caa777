sum(["a", "b"], "")
# expect runtime error: TypeError: sum() can't sum strings [use ''.join(seq) instead]
