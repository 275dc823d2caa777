{}.popitem()
# expect runtime error: KeyError: 'popitem(): dictionary is empty'
