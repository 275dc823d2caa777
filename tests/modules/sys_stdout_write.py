import sys
n = sys.stdout.write("abc\n")
print(n)
sys.stdout.flush()
# expect: abc
# expect: 4
