# weft-only: CPython 3.11 has no sys._is_gil_enabled
# env: PYTHON_GIL=0
# PYTHON_GIL=0 (the default): no GIL.
import sys
print(sys._is_gil_enabled())  # expect: False
