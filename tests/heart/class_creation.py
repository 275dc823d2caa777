def attempt(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__ + ":", e)
def k1():
    class A(x=1): pass
attempt(k1)
def k2():
    class M1(type): pass
    class M2(type): pass
    class A(metaclass=M1): pass
    class B(metaclass=M2): pass
    class C(A, B): pass
attempt(k2)
def k3():
    class A(metaclass=lambda n, b, d: 42): pass
    print(A)
attempt(k3)
def k4():
    bases = (int,)
    class A(*bases):
        pass
    print(A(5) + 1, A.__bases__)
attempt(k4)
def k5():
    class A:
        def f(self): return super().f()
    A().f()
attempt(k5)
def k6():
    def nosuper(): return super()
    nosuper()
attempt(k6)
def k7():
    class A:
        def g(): return super()
    A.g()
attempt(k7)
# expect: TypeError: k1.<locals>.A.__init_subclass__() takes no keyword arguments
# expect: TypeError: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases
# expect: 42
# expect: 6 (<class 'int'>,)
# expect: AttributeError: 'super' object has no attribute 'f'
# expect: RuntimeError: super(): no arguments
# expect: RuntimeError: super(): no arguments
