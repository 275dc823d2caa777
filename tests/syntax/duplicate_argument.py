def f(a, a):
    pass
# expect error: SyntaxError
# expect error line: 1
