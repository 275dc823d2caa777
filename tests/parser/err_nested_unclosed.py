data = {"a": [1, 2, (3, 4]}
print(data)
# expect error: SyntaxError
# expect error line: 1
