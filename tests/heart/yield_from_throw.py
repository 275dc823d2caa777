def leaf():
    try:
        while True:
            x = yield
            print("leaf got", x)
    except KeyError as e:
        print("leaf caught", e)
        yield "leaf-recovered"
    finally:
        print("leaf finally")
def mid():
    r = yield from leaf()
    print("mid after", r)
def top():
    try:
        yield from mid()
    except ValueError:
        print("top caught ValueError")
        yield "top-recovered"
t = top()
next(t)
t.send(1)
print(t.throw(KeyError("k")))
print(t.throw(ValueError("v")))
t.close()
print("---")
def chain(n):
    if n == 0:
        yield "bottom"
        raise RuntimeError("deep")
    yield from chain(n - 1)
try:
    for v in chain(50):
        print(v)
except RuntimeError as e:
    print("caught", e)
def closer():
    try:
        yield from leaf()
    finally:
        print("closer finally")
c = closer(); next(c); c.close(); print("closed ok")
def ret_in_finally():
    try:
        yield 1
    finally:
        return 5
r = ret_in_finally(); next(r)
try:
    r.throw(ValueError)
except StopIteration as e:
    print("stop", e.value)
# expect: leaf got 1
# expect: leaf caught 'k'
# expect: leaf-recovered
# expect: leaf finally
# expect: top caught ValueError
# expect: top-recovered
# expect: ---
# expect: bottom
# expect: caught deep
# expect: leaf finally
# expect: closer finally
# expect: closed ok
# expect: stop 5
