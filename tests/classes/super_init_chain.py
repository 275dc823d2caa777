class Base:
    def __init__(self, v):
        self.v = v
        print("Base init", v)
class Mid(Base):
    def __init__(self, v):
        print("Mid init")
        super().__init__(v * 2)
class Leaf(Mid):
    def __init__(self):
        super().__init__(5)
print(Leaf().v)
# expect: Mid init
# expect: Base init 10
# expect: 10
