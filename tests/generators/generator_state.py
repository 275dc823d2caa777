def g():
    yield 1
it = g()
print(list(it), list(it))
try:
    next(it)
except StopIteration:
    print("exhausted")
# expect: [1] []
# expect: exhausted
