# '%d' converts like int(): __int__ before __index__; an object with only __float__ or __trunc__ is refused
class F:
    def __float__(s): return 2.5
class A:
    def __index__(s): return 7
    def __int__(s): return 9
class T:
    def __trunc__(s): return 4
for o in [F(), A(), T(), 3.9, True]:
    for p in ['%d', '%x', '%i']:
        try: print(p, repr(p % o))
        except Exception as e: print(p, type(e).__name__, e)
# expect: %d TypeError %d format: a real number is required, not F
# expect: %x TypeError %x format: an integer is required, not F
# expect: %i TypeError %i format: a real number is required, not F
# expect: %d '9'
# expect: %x '7'
# expect: %i '9'
# expect: %d TypeError %d format: a real number is required, not T
# expect: %x TypeError %x format: an integer is required, not T
# expect: %i TypeError %i format: a real number is required, not T
# expect: %d '3'
# expect: %x TypeError %x format: an integer is required, not float
# expect: %i '3'
# expect: %d '1'
# expect: %x '1'
# expect: %i '1'
