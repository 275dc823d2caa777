import math
print(math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5), math.trunc(-3.9))
print(type(math.floor(1.5)).__name__, math.floor(10**20 + 0.0))
# expect: 2 3 -3 -2 -3
# expect: int 100000000000000000000
