try:
    (5).foo
except AttributeError as e:
    print(e)
try:
    None.bar
except AttributeError as e:
    print(e)
import math
try:
    math.nothing
except AttributeError as e:
    print(e)
# expect: 'int' object has no attribute 'foo'
# expect: 'NoneType' object has no attribute 'bar'
# expect: module 'math' has no attribute 'nothing'
