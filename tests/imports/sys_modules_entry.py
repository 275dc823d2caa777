import sys
import _helper_mod
print("_helper_mod" in sys.modules, sys.modules["_helper_mod"] is _helper_mod)
# expect: True True
