# FOR_ITER over generators (FOR_ITER_GEN): warm-up, generators that raise
# inside the loop, return values, PEP 479, and a generator already running.
def gen(n):
    for i in range(n):
        yield i * i

def total(it):
    s = 0
    for x in it:
        s += x
    return s

for i in range(200):
    total(gen(3))
print(total(gen(5)), total([1, 2]), total(iter([3])), total(range(3)))
# expect: 30 3 3 3

def raising(n):
    yield 1
    yield 2
    raise KeyError(n)

for i in range(100):
    try:
        total(raising(i))
    except KeyError as e:
        last = e
print(repr(last))
# expect: KeyError(99)

def returns():
    yield 5
    return "done"

for i in range(100):
    r = total(returns())
print(r)
# expect: 5

def stops():
    yield 1
    raise StopIteration("early")

try:
    total(stops())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
# expect: RuntimeError generator raised StopIteration StopIteration('early')

def reentrant():
    yield 1
    for x in g:
        yield x

g = reentrant()
try:
    total(g)
except ValueError as e:
    print(e)
# expect: generator already executing

# a generator finished before the loop, and one closed in the loop
g = gen(2)
print(total(g), total(g))
# expect: 1 0

def close_early():
    g = gen(10)
    seen = []
    for x in g:
        seen.append(x)
        if x == 4:
            g.close()
    return seen

for i in range(100):
    close_early()
print(close_early())
# expect: [0, 1, 4]

# the exception raised inside the generator carries its traceback through the loop
def deep():
    yield 1
    1 / 0

def use():
    for x in deep():
        pass

for i in range(100):
    try:
        use()
    except ZeroDivisionError as e:
        tb = e.__traceback__
        names = []
        while tb:
            names.append(tb.tb_frame.f_code.co_name if hasattr(tb, "tb_frame") else "?")
            tb = tb.tb_next
print(len(names) >= 2)
# expect: True

# exceptions in the caller's body do not reach the generator
def body_raises():
    g = gen(5)
    try:
        for x in g:
            if x == 1:
                raise IndexError("body")
    except IndexError as e:
        return str(e), next(g)

for i in range(100):
    body_raises()
print(body_raises())
# expect: ('body', 4)
