print(list(zip("ab", "cd", "ef")))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
# expect: [('a', 'c', 'e'), ('b', 'd', 'f')]
# expect: zip() argument 2 is shorter than argument 1
