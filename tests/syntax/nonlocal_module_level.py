nonlocal x
# expect error: SyntaxError
# expect error line: 1
