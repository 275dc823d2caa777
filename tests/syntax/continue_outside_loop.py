def f():
    continue
# expect error: SyntaxError
# expect error line: 2
