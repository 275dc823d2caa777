# Module globals rebound by one thread while others read them on every
# access (LOAD_GLOBAL's lock-free probe) and call the function they name:
# each read sees one of the values bound, never a freed or torn one.
from _dthreads import run

def f_a():
    return "a"

def f_b():
    return "b"

current = f_a
value = "v0"
bad = []

def worker(i):
    global current, value
    for r in range(20000):
        if i == 0:
            current = f_b if r % 2 else f_a
            value = "v%d" % (r % 7)       # a fresh str: the old one is released
        else:
            if current() not in ("a", "b"):
                bad.append("call")
            v = value
            if not (len(v) == 2 and v[0] == "v" and v[1] in "0123456"):
                bad.append(v)

run(worker, 4)
print(bad)
# expect: []
