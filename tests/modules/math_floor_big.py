import math
print(math.floor(10**30), math.ceil(-7), math.floor(-0.5), math.trunc(2.9), math.ceil(1e20))
# expect: 1000000000000000000000000000000 -7 -1 2 100000000000000000000
