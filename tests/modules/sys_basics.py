import sys
print(sys.maxsize, sys.byteorder, sys.platform, sys.version_info[0], sys.version_info >= (3, 8), sys.version.startswith("3."))
print(sys.getrecursionlimit(), type(sys.modules).__name__, "sys" in sys.modules, type(sys.argv).__name__)
# expect: 9223372036854775807 little linux 3 True True
# expect: 1000 dict True list
