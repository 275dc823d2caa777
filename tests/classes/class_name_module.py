class Outer:
    class Inner:
        pass
print(Outer.__name__, Outer.Inner.__qualname__, Outer.__module__, Outer.Inner().__class__.__name__)
# expect: Outer Outer.Inner __main__ Inner
