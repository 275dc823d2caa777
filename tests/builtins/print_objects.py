print(1, 2.0, "s", [1], (1,), {1: 2}, {1}, None, True, print, len)
# expect: 1 2.0 s [1] (1,) {1: 2} {1} None True <built-in function print> <built-in function len>
