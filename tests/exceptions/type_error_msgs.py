none, five, empty = None, 5, []
cases = [lambda: len(five), lambda: 1 < "a", lambda: "a" * "b", lambda: [] + (),
         lambda: none(), lambda: five[0], lambda: iter(five), lambda: -"s",
         lambda: hash(empty), lambda: int(empty)]
for i, case in enumerate(cases):
    try:
        case()
    except TypeError as e:
        print(i, "->", e)
# expect: 0 -> object of type 'int' has no len()
# expect: 1 -> '<' not supported between instances of 'int' and 'str'
# expect: 2 -> can't multiply sequence by non-int of type 'str'
# expect: 3 -> can only concatenate list (not "tuple") to list
# expect: 4 -> 'NoneType' object is not callable
# expect: 5 -> 'int' object is not subscriptable
# expect: 6 -> 'int' object is not iterable
# expect: 7 -> bad operand type for unary -: 'str'
# expect: 8 -> unhashable type: 'list'
# expect: 9 -> int() argument must be a string, a bytes-like object or a real number, not 'list'
