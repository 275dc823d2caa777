import math
for bad in [0, -1]:
    try:
        math.log(bad)
    except ValueError as e:
        print(bad, e)
try:
    math.exp(1000)
except OverflowError as e:
    print(e)
# expect: 0 math domain error
# expect: -1 math domain error
# expect: math range error
