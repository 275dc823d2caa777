import math, sys
print(repr(math).startswith("<module 'math'"), type(math).__name__, math.__name__, sys.__name__)
# expect: True module math sys
