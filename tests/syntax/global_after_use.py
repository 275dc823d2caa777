def f():
    x = 1
    global x
# expect error: SyntaxError
# expect error line: 3
