class A: pass
A() + 1
# expect runtime error: TypeError: unsupported operand type(s) for +: 'A' and 'int'
