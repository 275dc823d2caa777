# update, copy, clear, popitem, keys and == racing on shared dicts: results
# are whole (a copy is a consistent snapshot of items with value == 2 * key)
# and the dicts end in the state the last operations leave.
from _dthreads import run

src = {k: 2 * k for k in range(300)}
d = {}
bad = []

def worker(i):
    for r in range(200):
        if i == 0:
            d.update(src)
        elif i == 1:
            c = d.copy()
            if any(v != 2 * k for k, v in c.items()):
                bad.append("copy")
            # d may change between two comparisons: check each is a bool
            eq = c == d
            if eq is not True and eq is not False:
                bad.append("eq")
        elif i == 2:
            if r % 10 == 0:
                d.clear()
            else:
                try:
                    k, v = d.popitem()
                    if v != 2 * k:
                        bad.append(("popitem", k, v))
                except KeyError:
                    pass
        else:
            # Iterating a view of a dict that others change may raise
            # (as CPython); it never yields a foreign key.
            try:
                for k in d.keys():
                    if not (0 <= k < 300):
                        bad.append("keys")
            except RuntimeError as e:
                if "during iteration" not in str(e):
                    bad.append(str(e))
            repr(d)

run(worker, 4)
d.update(src)
print(bad, len(d), d == src)
# expect: [] 300 True
