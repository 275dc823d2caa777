def f(*, key):
    return key
f()
# expect runtime error: TypeError: f() missing 1 required keyword-only argument: 'key'
