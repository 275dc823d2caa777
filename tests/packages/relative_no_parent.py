# A relative import in a script (no package) fails as in CPython.
try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
# expect: ImportError attempted relative import with no known parent package
from .helper import x
# expect runtime error: ImportError: attempted relative import with no known parent package
