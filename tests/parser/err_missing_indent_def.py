def f():
return 1
# expect error: IndentationError
# expect error line: 2
