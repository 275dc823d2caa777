def g():
    yield 1
g().send(5)
# expect runtime error: TypeError: can't send non-None value to a just-started generator
