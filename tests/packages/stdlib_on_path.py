# The standard library directory (where threading.py lives) is on sys.path,
# after the script's directory.
import os
import sys
lib = [p for p in sys.path if os.path.isfile(os.path.join(p, "threading.py"))]
print(len(lib) >= 1, sys.path.index(lib[0]) > 0)
# expect: True True
print(os.path.dirname(os.path.abspath(__file__)) == os.path.realpath(sys.path[0]))
# expect: True
