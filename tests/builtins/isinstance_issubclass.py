print(isinstance(1, int), isinstance(1.0, int), isinstance("s", str), isinstance([], (list, tuple)), isinstance(None, type(None)))
print(issubclass(bool, int), issubclass(int, bool), issubclass(KeyError, LookupError), issubclass(list, object))
# expect: True False True True True
# expect: True False True True
