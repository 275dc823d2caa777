# LOAD_ATTR_CLASS: Cls.attr guarded by the class's version; misses: the
# attribute replaced or deleted after warm-up, a base class changed, another
# class at the same site, a descriptor on the metaclass.
class Base:
    K = 10
    def f(self):
        return "f"

class Sub(Base):
    L = 1

class Other:
    K = "other"

def get_k(cls):
    return cls.K

print(sum(get_k(Sub) for i in range(200)))
# expect: 2000
Base.K = 3                 # a base change bumps the subclass
print(get_k(Sub), get_k(Base), get_k(Other))
# expect: 3 3 other
Sub.K = "own"
print(get_k(Sub), get_k(Base))
# expect: own 3
del Sub.K
print(get_k(Sub))
# expect: 3
del Base.K
try:
    get_k(Sub)
except AttributeError as e:
    print(e)
# expect: type object 'Sub' has no attribute 'K'

# functions on the class come back unbound
def get_f(cls):
    return cls.f
for i in range(100):
    fn = get_f(Sub)
print(fn(Sub()), fn is Base.__dict__["f"])
# expect: f True
Base.f = lambda self: "g"
print(get_f(Sub)(None))
# expect: g

# staticmethod and classmethod go through their __get__
class M:
    @staticmethod
    def s():
        return "static"
    @classmethod
    def c(cls):
        return cls.__name__
def get_s(cls):
    return cls.s
def get_c(cls):
    return cls.c
for i in range(100):
    a, b = get_s(M)(), get_c(M)()
print(a, b)
# expect: static M

# metaclass attributes and data descriptors of type
class Meta(type):
    K = "meta"
class WithMeta(metaclass=Meta):
    pass
for i in range(100):
    v = get_k(Other)
print(v, get_k(WithMeta))
# expect: other meta
def get_name(cls):
    return cls.__name__
print([get_name(c) for c in (Base, Sub, Other, Base, Sub) * 30][-3:])
# expect: ['Other', 'Base', 'Sub']
