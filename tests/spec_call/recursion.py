# Specialized calls still count recursion: RecursionError, and the site keeps working.
def down(n):
    if n == 0:
        return 0
    return 1 + down(n - 1)
print(down(500))
# expect: 500

def forever(n):
    return forever(n + 1)
for i in range(3):
    try:
        forever(0)
    except RecursionError as e:
        print(e)
# expect: maximum recursion depth exceeded
# expect: maximum recursion depth exceeded
# expect: maximum recursion depth exceeded

class C:
    def m(self, n):
        return self.m(n + 1)
try:
    C().m(0)
except RecursionError as e:
    print("method", e)
# expect: method maximum recursion depth exceeded

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(20))
# expect: 6765
print(down(600))
# expect: 600
