if True:
    break
# expect error: SyntaxError
# expect error line: 2
