set().pop()
# expect runtime error: KeyError: 'pop from an empty set'
