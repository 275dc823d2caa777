class C:
    def __call__(self): pass
print(callable(len), callable(C), callable(C()), callable(1), callable(lambda: 0), callable("s"))
# expect: True True True False True False
