import math
math.sqrt(-1)
# expect runtime error: ValueError: math domain error
