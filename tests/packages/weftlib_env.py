# weft-only: WEFTLIB replaces the standard library directory at the end of sys.path
# env: WEFTLIB=/nonexistent/weft-lib
import sys
print(sys.path[-1])
# expect: /nonexistent/weft-lib
print(sys.path.count("/nonexistent/weft-lib"))
# expect: 1
