x = 1
y = = 2
# expect error: SyntaxError
# expect error line: 2
