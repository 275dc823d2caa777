# a set display of 3+ constants iterates in CPython's order (CPython builds it from a frozenset constant)
print({'apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape'})
print({5, 3, 100, 33, 1}, {64, 32, 16, 8, 0, 128})
# expect: {'banana', 'fig', 'cherry', 'apple', 'grape', 'date', 'elderberry'}
# expect: {33, 1, 3, 100, 5} {64, 0, 32, 128, 16, 8}
