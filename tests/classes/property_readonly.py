class P:
    @property
    def x(self):
        return 1
p = P()
print(p.x)
p.x = 2
# expect: 1
# expect runtime error: AttributeError: property 'x' of 'P' object has no setter
