[3, "a", 1].sort()
# expect runtime error: TypeError: '<' not supported between instances of 'str' and 'int'
