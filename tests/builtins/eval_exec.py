print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}))
ns = {}
exec("def f(a):\n    return a + 1\nresult = f(4)", ns)
print(ns["result"])
exec("print('from exec')")
# expect: 7 42
# expect: 5
# expect: from exec
