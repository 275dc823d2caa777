def f():
    nonlocal missing
# expect error: SyntaxError
# expect error line: 2
