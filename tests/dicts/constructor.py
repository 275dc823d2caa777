print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, extra=True), dict.fromkeys("ab", 0))
# expect: {} {'a': 1, 'b': 2} {'x': 1, 'y': 2} {'k': 'v', 'extra': True} {'a': 0, 'b': 0}
