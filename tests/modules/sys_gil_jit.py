# weft-only: weft reports its own configuration (CPython 3.11 has neither attribute)
# env: PYTHON_GIL=0
import sys
print(sys._is_gil_enabled(), sys._jit.is_available() in (True, False), sys._jit.is_enabled() in (True, False))
# expect: False True True
