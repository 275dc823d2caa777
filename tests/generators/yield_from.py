def inner():
    yield 1
    yield 2
    return "inner-result"
def outer():
    r = yield from inner()
    yield r
    yield from range(3, 5)
print(list(outer()))
# expect: [1, 2, 'inner-result', 3, 4]
