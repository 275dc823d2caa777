class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return False
with CM("a") as x, CM("b") as y:
    print("body", x, y)
# expect: enter a
# expect: enter b
# expect: body A B
# expect: exit b None
# expect: exit a None
