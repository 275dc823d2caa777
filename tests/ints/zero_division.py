print(1 // 0)
# expect runtime error: ZeroDivisionError: integer division or modulo by zero
