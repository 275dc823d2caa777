class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exit got", a[0].__name__)
try:
    with CM():
        raise KeyError("x")
except KeyError:
    print("propagated")
# expect: exit got KeyError
# expect: propagated
