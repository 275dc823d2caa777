def f(n):
    return f(n + 1)
f(0)
# expect stderr:   [Previous line repeated 996 more times]
# expect runtime error: RecursionError: maximum recursion depth exceeded
