def echo():
    received = None
    while True:
        received = yield f"got {received}"
g = echo()
print(next(g))
print(g.send("a"))
print(g.send(42))
# expect: got None
# expect: got a
# expect: got 42
