class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
l = Logged()
l.a = 5
print(l.a, l.__dict__)
# expect: set a 5
# expect: 10 {'a': 10}
