print(type(1), type("s"), type([]), type(None), type(type), type(1.5).__name__, type(print).__name__)
print(type(1) is int, type(True) is bool, type(range(1)).__name__)
# expect: <class 'int'> <class 'str'> <class 'list'> <class 'NoneType'> <class 'type'> float builtin_function_or_method
# expect: True True range
