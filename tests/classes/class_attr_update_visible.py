class Shape:
    sides = 0
    def describe(self):
        return self.sides
s = Shape()
print(s.describe())
Shape.sides = 4
print(s.describe())
Shape.describe = lambda self: "patched"
print(s.describe())
# expect: 0
# expect: 4
# expect: patched
