# weft-only: CPython 3.11 ignores PYTHON_GIL
# env: PYTHON_GIL=2
# A PYTHON_GIL other than 0 or 1 is a fatal configuration error, as in free-threaded CPython.
print("not reached")
# expect stderr: Fatal Python error: config_read_gil: PYTHON_GIL / -X gil must be "0" or "1"
# expect exit: 1
