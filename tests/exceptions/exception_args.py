e = ValueError("a", 2)
print(e.args, str(e), repr(e))
print(str(ValueError()), repr(ValueError()), str(KeyError("k")), repr(KeyError("k")), str(Exception("x")))
# expect: ('a', 2) ('a', 2) ValueError('a', 2)
# expect:  ValueError() 'k' KeyError('k') x
