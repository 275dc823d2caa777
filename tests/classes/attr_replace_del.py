# Replacing an attribute's value (a __slots__ member or an instance dict
# entry) drops the old value at once: its __del__ runs before the next line.
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

class S:
    __slots__ = ("a",)

class P:
    pass

s = S()
p = P()
for i in range(3):
    s.a = D(i)
    print("slot", i)
for i in range(3):
    p.a = D(10 + i)
    print("dict", i)
del s.a
print("deleted")
p.a = None
print("end")
# expect: slot 0
# expect: del 0
# expect: slot 1
# expect: del 1
# expect: slot 2
# expect: dict 0
# expect: del 10
# expect: dict 1
# expect: del 11
# expect: dict 2
# expect: del 2
# expect: deleted
# expect: del 12
# expect: end
