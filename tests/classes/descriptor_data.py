class Positive:
    def __set_name__(self, owner, name): self.attr = "_" + name
    def __get__(self, obj, t=None): return getattr(obj, self.attr)
    def __set__(self, obj, v):
        if v < 0:
            raise ValueError("negative")
        setattr(obj, self.attr, v)
class Acct:
    balance = Positive()
a = Acct()
a.balance = 10
print(a.balance)
try:
    a.balance = -1
except ValueError as e:
    print(e)
# expect: 10
# expect: negative
