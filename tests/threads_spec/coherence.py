# Reads of one class attribute through the class and then through a subclass never go back in time.
# C.f and C.x replaced with increasing tags; a thread that saw tag k through C must not see an older one through D afterwards.
"""Before b71a5e0 weft wrote the type dict first and bumped the versions of
the type and its subclasses after it: between the two, a reader found the
new value through C and then the old one through its cache for D (D's
version still matched). Now a class attribute write sets the versions of
the type and its subclasses to 0 (matching no cache) before the dict write.
Under CPython's GIL the write and the invalidation are one step."""
from _spec import race, Bad, tagged

R = 3
K = 4000



class C:
    f = tagged(0)
    x = 0


class D(C):
    pass


o, d = C(), D()
last = [0] * (R + 1)


def write(k):
    C.f = tagged(k + 1)
    C.x = k + 1


def read(c):
    a = o.f()
    b = d.f()
    if b < a:
        raise Bad('through C %d, then through D %d' % (a, b))
    x = C.x
    y = D.x
    if y < x:
        raise Bad('C.x %d, then D.x %d' % (x, y))


race(R, K, write, read)
print('class and subclass reads are coherent')
# expect: class and subclass reads are coherent
