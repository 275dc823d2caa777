X = type("X", (object,), {"v": 5, "get": lambda self: self.v})
print(X().get(), X.__name__, type(X()).__name__)
# expect: 5 X X
