# LOAD_METHOD_CLASS: Cls.f(args) pushes the class's function (no bound
# method); misses: the function replaced on the class or its base, another
# class at the same site, a staticmethod, a metaclass attribute.
class Base:
    def f(self, k):
        return "Base.f %s %d" % (type(self).__name__, k)

class Sub(Base):
    def f(self, k):
        return "Sub.f " + Base.f(self, k)

def call(cls, o, k):
    return cls.f(o, k)

s = Sub()
for i in range(200):
    r = s.f(i)
print(r)
# expect: Sub.f Base.f Sub 199
for i in range(100):
    r = call(Base, s, i)
print(r, call(Sub, s, 1))
# expect: Base.f Sub 99 Sub.f Base.f Sub 1

Base.f = lambda self, k: "new Base.f %d" % k
print(s.f(2), call(Base, s, 3))
# expect: Sub.f new Base.f 2 new Base.f 3
del Sub.f
print(call(Sub, s, 4))
# expect: new Base.f 4

class Other:
    @staticmethod
    def f(o, k):
        return "static %d" % k
print(call(Other, s, 5))
# expect: static 5
class Meta(type):
    def f(cls, o, k):
        return "meta %d" % k
class WithMeta(metaclass=Meta):
    pass
for i in range(60):
    r = call(WithMeta, s, i)
print(r)
# expect: meta 59
del Base.f
try:
    call(Sub, s, 6)
except AttributeError as e:
    print(e)
# expect: type object 'Sub' has no attribute 'f'
# a built-in classmethod through its class stays generic
def keys(cls):
    return cls.fromkeys("ab")
for i in range(60):
    r = keys(dict)
print(r)
# expect: {'a': None, 'b': None}
