import _counter_mod
import _counter_mod
from _counter_mod import value
print(value)
# expect: counter module executing
# expect: 7
