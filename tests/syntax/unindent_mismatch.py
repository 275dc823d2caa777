if True:
        x = 1
    y = 2
# expect error: IndentationError
# expect error line: 3
