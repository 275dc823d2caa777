values = [1, 2
          3, 4]
print(values)
# expect error: SyntaxError
# expect error line: 1
