print(set(), frozenset(), set([]), {1} - {1})
# expect: set() frozenset() set() set()
