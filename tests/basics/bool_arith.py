print(True + True, True * 10, False - 1, True / 2, -True)
print(True & False, True | False, True ^ True, ~True)
print(isinstance(True, int), bool.__mro__ if False else "ok")
# expect: 2 10 -1 0.5 -1
# expect: False True False -2
# expect: True ok
