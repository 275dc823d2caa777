def attempt(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__ + ":", e)
def r1(): raise 5
attempt(r1)
def r2(): raise
attempt(r2)
def r3():
    try: 1/0
    except 5: pass
attempt(r3)
attempt(lambda: {[]})
attempt(lambda: {[]: 1})
def w():
    with 5: pass
attempt(w)
def fi():
    for x in 5: pass
attempt(fi)
def yf():
    yield from 5
attempt(lambda: list(yf()))
def kw(**k): return k
attempt(lambda: kw(**{1: 2}))
def g():
    yield 1
attempt(lambda: g().throw(5))
def du():
    del q
    q = 1
attempt(du)
def su(): super()
attempt(su)
def bad_base():
    class A(5): pass
attempt(bad_base)
attempt(lambda: None.x)
attempt(lambda: [1][5])
attempt(lambda: {}['k'])
def raise_cls(): raise ValueError
attempt(raise_cls)
def raise_from_bad(): raise ValueError from 5
attempt(raise_from_bad)
class NotExc: pass
def raise_inst(): raise NotExc()
attempt(raise_inst)
def unpack_str():
    a, b = "abc"
attempt(unpack_str)
def too_few():
    a, b, *c = (1,)
attempt(too_few)
def noiter():
    a, b = None
attempt(noiter)
def call_kw():
    def f(a): pass
    f(1, **{'a': 2})
attempt(call_kw)
def cls_call():
    class A:
        def m(self, x): pass
    A().m()
attempt(cls_call)
def gen_running():
    def gg():
        yield next(it)
    it = gg()
    next(it)
attempt(gen_running)
attempt(lambda: (1).__add__(1, 2))
import_err = lambda: __import__('nonexistent_mod_xyz')
attempt(import_err)
def from_imp():
    from math import nothing_here
attempt(from_imp)
def gen_stop():
    def gs():
        raise StopIteration(3)
        yield
    next(gs())
attempt(gen_stop)
attempt(lambda: print(undefined_thing))
def free_unbound():
    def inner(): return v
    inner()
    v = 1
attempt(free_unbound)
def assert_fail():
    assert 1 == 2
attempt(assert_fail)
def zero(): return 1 % 0
attempt(zero)
# expect: TypeError: exceptions must derive from BaseException
# expect: RuntimeError: No active exception to reraise
# expect: TypeError: catching classes that do not inherit from BaseException is not allowed
# expect: TypeError: unhashable type: 'list'
# expect: TypeError: unhashable type: 'list'
# expect: TypeError: 'int' object does not support the context manager protocol
# expect: TypeError: 'int' object is not iterable
# expect: TypeError: 'int' object is not iterable
# expect: TypeError: keywords must be strings
# expect: TypeError: exceptions must be classes or instances deriving from BaseException, not int
# expect: UnboundLocalError: cannot access local variable 'q' where it is not associated with a value
# expect: RuntimeError: super(): no arguments
# expect: TypeError: int() takes at most 2 arguments (3 given)
# expect: AttributeError: 'NoneType' object has no attribute 'x'
# expect: IndexError: list index out of range
# expect: KeyError: 'k'
# expect: ValueError: 
# expect: TypeError: exception causes must derive from BaseException
# expect: TypeError: exceptions must derive from BaseException
# expect: ValueError: too many values to unpack (expected 2)
# expect: ValueError: not enough values to unpack (expected at least 2, got 1)
# expect: TypeError: cannot unpack non-iterable NoneType object
# expect: TypeError: call_kw.<locals>.f() got multiple values for argument 'a'
# expect: TypeError: cls_call.<locals>.A.m() missing 1 required positional argument: 'x'
# expect: ValueError: generator already executing
# expect: TypeError: expected 1 argument, got 2
# expect: ModuleNotFoundError: No module named 'nonexistent_mod_xyz'
# expect: ImportError: cannot import name 'nothing_here' from 'math' (unknown location)
# expect: RuntimeError: generator raised StopIteration
# expect: NameError: name 'undefined_thing' is not defined
# expect: NameError: cannot access free variable 'v' where it is not associated with a value in enclosing scope
# expect: AssertionError: 
# expect: ZeroDivisionError: integer modulo by zero
