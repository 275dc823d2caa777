if x > 1
    pass
# expect error: SyntaxError
# expect error line: 1
