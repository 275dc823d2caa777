name = "x"
print(f"hello {}")
# expect error: SyntaxError
# expect error line: 2
