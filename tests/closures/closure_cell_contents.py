def f():
    a = 1
    def g():
        return a
    a = 2
    return g
print(f()(), f().__closure__[0].cell_contents)
# expect: 2 2
