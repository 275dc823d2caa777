next([1, 2])
# expect runtime error: TypeError: 'list' object is not an iterator
