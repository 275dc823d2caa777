class P:
    __slots__ = ("x",)
P().x
# expect runtime error: AttributeError: 'P' object has no attribute 'x'
