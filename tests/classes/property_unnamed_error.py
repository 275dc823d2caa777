# A property that __set_name__ never named (stored on the class later, or
# called directly) says "property of 'A' object has no setter", as CPython 3.11.
class A:
    y = property(lambda self: 1)
    @property
    def z(self): return 2
def getx(self): return 1
A.x = property(getx)
for n in ('x', 'y', 'z'):
    try:
        setattr(A(), n, 2)
    except AttributeError as e:
        print(e)
    try:
        delattr(A(), n)
    except AttributeError as e:
        print(e)
p = property(getx)
try:
    p.__set__(A(), 1)
except AttributeError as e:
    print(e)
# expect: property of 'A' object has no setter
# expect: property of 'A' object has no deleter
# expect: property 'y' of 'A' object has no setter
# expect: property 'y' of 'A' object has no deleter
# expect: property 'z' of 'A' object has no setter
# expect: property 'z' of 'A' object has no deleter
# expect: property of 'A' object has no setter
