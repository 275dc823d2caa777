[1, 2].remove(3)
# expect runtime error: ValueError: list.remove(x): x not in list
