class C: pass
C(1)
# expect runtime error: TypeError: C() takes no arguments
