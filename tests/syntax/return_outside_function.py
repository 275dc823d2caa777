x = 1
return x
# expect error: SyntaxError
# expect error line: 2
