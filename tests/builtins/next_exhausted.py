next(iter([]))
# expect runtime error: StopIteration
