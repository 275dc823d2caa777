s = """abc
def
# expect error: SyntaxError
# expect error line: 1
