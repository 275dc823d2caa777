# Parenthesized with-items (3.10+) and a tuple context expression.
class CM:
    def __init__(self, n): self.n = n
    def __enter__(self): print("enter", self.n); return self.n
    def __exit__(self, *a): print("exit", self.n)
with (CM(1) as a, CM(2) as b,):
    print(a, b)
with (CM(3)):
    pass
with CM(4) as x, CM(5):
    print(x)
with (
    CM(6) as y
):
    print(y)
# expect: enter 1
# expect: enter 2
# expect: 1 2
# expect: exit 2
# expect: exit 1
# expect: enter 3
# expect: exit 3
# expect: enter 4
# expect: enter 5
# expect: 4
# expect: exit 5
# expect: exit 4
# expect: enter 6
# expect: 6
# expect: exit 6
