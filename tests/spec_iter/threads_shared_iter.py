# One iterator shared by two threads running the specialized FOR_ITER forms:
# a shared list, tuple or range iterator may hand an item to both threads
# (as in free-threaded CPython), but never skips one and only ever yields
# items of its sequence; a shared generator runs in one thread at a time,
# the other gets "generator already executing".
import threading

N = 4000

def drain(it, out, errors):
    try:
        for x in it:
            out.append(x)
    except ValueError as e:
        errors.append(str(e))

def gen(n):
    for i in range(n):
        yield i

def share(make):
    it = make()
    outs, errors = ([], []), []
    ts = [threading.Thread(target=drain, args=(it, outs[i], errors)) for i in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    items = outs[0] + outs[1]
    # every index is loaded before the one after it is stored, so no item
    # is skipped; at most one thread stops on the generator's ValueError
    every = set(items) == set(range(N))
    msgs = set(errors) <= {"generator already executing"} and len(errors) <= 1
    return every and msgs

data = list(range(N))
tup = tuple(data)
for r in range(3):
    print(share(lambda: iter(data)), share(lambda: iter(tup)), share(lambda: iter(range(N))),
          share(lambda: gen(N)))
# expect: True True True True
# expect: True True True True
# expect: True True True True
