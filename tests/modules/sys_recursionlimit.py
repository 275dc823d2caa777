import sys
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
def d(n):
    return d(n + 1) if n < 10000 else n
try:
    d(0)
except RecursionError:
    print("limited")
sys.setrecursionlimit(1000)
# expect: 200
# expect: limited
