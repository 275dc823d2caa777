print(isinstance(1, (str, int)), isinstance("s", (list, tuple)), issubclass(bool, (int,)), isinstance(True, int))
# expect: True False True True
