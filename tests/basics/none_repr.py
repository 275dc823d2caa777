print(None, repr(None), str(None), type(None).__name__)
# expect: None None None NoneType
