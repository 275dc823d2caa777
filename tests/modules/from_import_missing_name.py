from math import not_a_function
# expect runtime error: ImportError: cannot import name 'not_a_function' from 'math' (unknown location)
