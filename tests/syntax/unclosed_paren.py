x = (1 +
     2
print(x)
# expect error: SyntaxError
# expect error line: 1
