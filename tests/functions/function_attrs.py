def outer():
    def inner():
        "inner doc"
    return inner
f = outer()
print(f.__name__, f.__qualname__, f.__doc__, outer.__name__)
def g(a, b=2): pass
print(g.__defaults__, g.__code__.co_argcount, g.__code__.co_varnames)
g.custom = 5
print(g.custom)
# expect: inner outer.<locals>.inner inner doc outer
# expect: (2,) 2 ('a', 'b')
# expect: 5
