class O:
    def __init__(self):
        self.a = 1
        self.b = "x"
o = O()
print(o.__dict__, vars(o))
o.__dict__["c"] = 3
print(o.c)
# expect: {'a': 1, 'b': 'x'} {'a': 1, 'b': 'x'}
# expect: 3
