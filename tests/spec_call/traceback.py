# Tracebacks through specialized calls list the same frames and lines as CPython's.
def show(e):
    tb = e.__traceback__
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next

def leaf(x):
    return 10 // x

def mid(x):
    return leaf(x)

class K:
    def __init__(self, x):
        self.v = mid(x)
    def meth(self, x):
        return mid(x)

def run(x):
    k = K(x)
    return k.meth(x) + len([k]) + mid(x)

for i in range(1, 200):
    run(i)
try:
    run(0)
except ZeroDivisionError as e:
    show(e)
# expect: <module> 27
# expect: run 21
# expect: __init__ 16
# expect: mid 12
# expect: leaf 9

bm = K(1).meth
def viabound(x):
    return bm(x)
for i in range(1, 200):
    viabound(i)
try:
    viabound(0)
except ZeroDivisionError as e:
    show(e)
# expect: <module> 42
# expect: viabound 38
# expect: meth 18
# expect: mid 12
# expect: leaf 9

def lens(x):
    return len(x)
for i in range(200):
    lens([])
try:
    lens(3)
except TypeError as e:
    show(e)
# expect: <module> 56
# expect: lens 52

viabound(0)
# expect runtime error: ZeroDivisionError: integer division or modulo by zero
# expect stderr:     return bm(x)
# expect stderr:     return mid(x)
# expect stderr:     return 10 // x
