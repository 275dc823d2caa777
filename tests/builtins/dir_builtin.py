class C:
    a = 1
    def m(self): pass
print([n for n in dir(C) if not n.startswith("_")], "append" in dir([]))
# expect: ['a', 'm'] True
