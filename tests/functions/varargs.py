def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2, c=3))
def g(a, *rest, last=None):
    return a, rest, last
print(g(1), g(1, 2, 3, last=4))
# expect: ((), {}) ((1, 2), {}) ((), {'a': 1}) ((1,), {'b': 2, 'c': 3})
# expect: (1, (), None) (1, (2, 3), 4)
