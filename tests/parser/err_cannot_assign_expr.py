a = 1
a + 1 = 2
# expect error: SyntaxError
# expect error line: 2
