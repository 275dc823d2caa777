import sys
v = sys.version_info
print(v.major, v.minor >= 0, v[:1], len(v) == 5)
# expect: 3 True (3,) True
