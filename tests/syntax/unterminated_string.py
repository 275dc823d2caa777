s = "abc
# expect error: SyntaxError
# expect error line: 1
