class A: pass
class B(A): pass
class C(A, B): pass
# expect runtime error: order (MRO) for bases A, B
