def f():
    return 1, 2, 3
t = f()
a, b, c = t
print(t, a + b + c, type(t).__name__)
x = 1,
print(x)
# expect: (1, 2, 3) 6 tuple
# expect: (1,)
