# set and frozenset subclasses: repr with the class name, operators return the base type.
class S(set):
    def __init__(self, it, tag):
        super().__init__(it)
        self.tag = tag
class F(frozenset):
    pass
s = S([3, 1], "t")
print(s, s.tag, S([], "e"), F([2]), F())
print(type(s | {5}).__name__, type(F([1]) & {1}).__name__, type(s.copy()).__name__)
print(F([1, 2]) == frozenset([2, 1]), hash(F([1, 2])) == hash(frozenset([1, 2])))
try:
    F(1, 2)
except TypeError as e:
    print(e)
try:
    F(x=1)
except TypeError as e:
    print(e)
# expect: S({1, 3}) t S() F({2}) F()
# expect: set frozenset set
# expect: True True
# expect: F expected at most 1 argument, got 2
# expect: frozenset() takes no keyword arguments
