def f(a=1, b):
    pass
# expect error: SyntaxError
# expect error line: 1
