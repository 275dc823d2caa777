import sys
try:
    sys.exit(4)
except SystemExit as e:
    print("caught exit", e.code)
print("still alive")
# expect: caught exit 4
# expect: still alive
