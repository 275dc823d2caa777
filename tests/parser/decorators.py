# Decorators are arbitrary expressions (3.9+).
def deco(tag):
    def wrap(f):
        return lambda *a: (tag, f(*a))
    return wrap
ds = [deco("zero"), deco("one")]
@ds[1]
def f(x): return x * 2
@(lambda fn: fn)
@deco("two")
def g(): return "g"
print(f(4), g())
class A:
    @staticmethod
    def s(): return "static"
    @property
    def p(self): return "prop"
print(A.s(), A().p)
# expect: ('one', 8) ('two', 'g')
# expect: static prop
