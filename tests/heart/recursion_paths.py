class A:
    def __init__(self, n):
        self.child = A(n + 1)
try:
    A(0)
except RecursionError as e:
    print("RE", e)
def gen_rec(n):
    yield from gen_rec(n + 1)
try:
    next(gen_rec(0))
except RecursionError as e:
    print("RE gen", e)
class B:
    def __getitem__(self, i): return self[i]
try:
    B()[0]
except RecursionError as e:
    print("RE getitem", e)
class C:
    def __eq__(self, o): return self == o
try:
    C() == C()
except RecursionError as e:
    print("RE eq", e)
print("alive")
# expect: RE maximum recursion depth exceeded
# expect: RE gen maximum recursion depth exceeded
# expect: RE getitem maximum recursion depth exceeded
# expect: RE eq maximum recursion depth exceeded
# expect: alive
