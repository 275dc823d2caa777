x = 1
print(x)
else:
    pass
# expect error: SyntaxError
# expect error line: 3
