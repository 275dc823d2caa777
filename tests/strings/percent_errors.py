try:
    "%d %d" % (1,)
except TypeError as e:
    print(e)
try:
    "%d" % (1, 2)
except TypeError as e:
    print(e)
try:
    "%d" % "x"
except TypeError as e:
    print(e)
# expect: not enough arguments for format string
# expect: not all arguments converted during string formatting
# expect: %d format: a real number is required, not str
