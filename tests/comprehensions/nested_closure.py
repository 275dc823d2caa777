def f():
    factor = 3
    return [x * factor for x in range(4)]
print(f())
# expect: [0, 3, 6, 9]
