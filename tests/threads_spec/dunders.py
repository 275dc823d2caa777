# Attribute hooks and descriptors appear and disappear under warmed-up attribute loads and stores.
# __getattribute__/__getattr__/__setattr__ assigned and deleted on the class, __get__ added to a class attribute's type -> the hook wins once set.
"""A dunder assignment changes the type's dict, its version and (with the
other threads stopped) its C slot. A reader that re-specializes between the
version change and the slot change must not keep a form that bypasses the
hook: once the writer is done, every thread goes through it."""
from _spec import race, Bad

R = 3
K = 1000        # each assignment of a dunder stops the world


def getattribute():
    class C:
        x = 'plain'
    o = C()
    o.y = 'plain'

    def hook(self, name):
        return 'hooked'

    def write(k):
        if k % 2:
            del C.__getattribute__
        else:
            C.__getattribute__ = hook

    def end():
        C.__getattribute__ = hook

    def read(c):
        for v in (o.x, o.y):
            if v != 'plain' and v != 'hooked':
                raise Bad('read %r' % (v,))

    finals = race(R, K, write, read, lambda c: (o.x, o.y), end)
    if finals != [('hooked', 'hooked')] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('__getattribute__ assigned: ok')


def getattr_hook():
    class C:
        pass
    o = C()
    o.pad = 0

    def hook(self, name):
        return 'hooked'

    def write(k):
        if k % 2:
            del C.__getattr__
        else:
            C.__getattr__ = hook

    def end():
        C.__getattr__ = hook

    def read(c):
        try:
            v = o.missing
        except AttributeError:
            return
        if v != 'hooked':
            raise Bad('o.missing = %r' % (v,))

    finals = race(R, K, write, read, lambda c: o.missing, end)
    if finals != ['hooked'] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('__getattr__ assigned: ok')


def setattr_hook():
    class C:
        pass
    objs = [C() for _ in range(R + 1)]
    for ob in objs:
        ob.v = 0

    def hook(self, name, value):
        object.__setattr__(self, name, -1)      # the hook stores -1 instead

    def write(k):
        if k % 2:
            del C.__setattr__
        else:
            C.__setattr__ = hook

    def end():
        C.__setattr__ = hook

    def read(c):
        ob = objs[c]
        ob.v = 5
        v = ob.v
        if v != 5 and v != -1:
            raise Bad('ob.v = %r' % (v,))

    def final(c):
        objs[c].v = 7
        return objs[c].v

    finals = race(R, K, write, read, final, end)
    if finals != [-1] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('__setattr__ assigned: ok')


def descriptor_type():
    # A class attribute whose own type gains and loses __get__ (and __set__).
    class D:
        pass

    class C:
        x = D()
    o = C()
    o.pad = 0

    def get(self, obj, typ):
        return 'got'

    def write(k):
        if k % 2:
            del D.__get__
        else:
            D.__get__ = get

    def end():
        D.__get__ = get

    def read(c):
        v = o.x
        if v != 'got' and type(v) is not D:
            raise Bad('o.x = %r' % (v,))
        w = C.x
        if w != 'got' and type(w) is not D:
            raise Bad('C.x = %r' % (w,))

    finals = race(R, K, write, read, lambda c: (o.x, C.x), end)
    if finals != [('got', 'got')] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('__get__ added to an attribute type: ok')


getattribute()
getattr_hook()
setattr_hook()
descriptor_type()
# expect: __getattribute__ assigned: ok
# expect: __getattr__ assigned: ok
# expect: __setattr__ assigned: ok
# expect: __get__ added to an attribute type: ok
