def f(a, b):
    return a
f(1, a=2)
# expect runtime error: TypeError: f() got multiple values for argument 'a'
