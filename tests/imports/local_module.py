import _helper_mod
print(_helper_mod.greet("x"), _helper_mod.CONSTANT)
from _helper_mod import greet
print(greet("y"))
# expect: hello x 99
# expect: hello y
