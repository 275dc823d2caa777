def apply(f, *args):
    return f(*args)
ops = {"add": lambda a, b: a + b, "max": max}
print(apply(ops["add"], 2, 3), apply(ops["max"], 4, 9, 1), list(map(str, [1, 2])))
# expect: 5 9 ['1', '2']
