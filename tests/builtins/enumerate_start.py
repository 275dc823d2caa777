print(list(enumerate("abc")), list(enumerate(["x", "y"], 10)), list(enumerate([], start=5)))
# expect: [(0, 'a'), (1, 'b'), (2, 'c')] [(10, 'x'), (11, 'y')] []
