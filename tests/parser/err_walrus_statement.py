x := 5
# expect error: SyntaxError
# expect error line: 1
