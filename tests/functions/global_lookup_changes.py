# A name read in a loop keeps meaning what the namespaces say now: a global
# rebound, deleted, re-added at another position; a builtin shadowed by a
# new global and uncovered again; a builtin replaced and deleted. (The
# generic LOAD_GLOBAL remembers where it found a name, per thread; the
# specialized one caches it: every change must be seen at once.)
import builtins

G = 1
def read_g():
    return G
def read_len():
    return len("abc")

out = []
for i in range(40):
    out.append(read_g())
    out.append(read_len())
    if i == 5:
        G = 2
    elif i == 10:
        del G
        try:
            read_g()
        except NameError as e:
            out.append(str(e))
        for k in range(30):        # new globals move G's position when it returns
            globals()["pad%d" % k] = k
        G = 3
    elif i == 15:
        len = lambda s: "shadow"
    elif i == 20:
        del len
    elif i == 25:
        builtins.len = lambda s: "replaced"
    elif i == 30:
        del builtins.len
        try:
            read_len()
        except NameError as e:
            out.append(str(e))
        break
print(out)
# expect: [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, "name 'G' is not defined", 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 'shadow', 3, 'shadow', 3, 'shadow', 3, 'shadow', 3, 'shadow', 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 'replaced', 3, 'replaced', 3, 'replaced', 3, 'replaced', 3, 'replaced', "name 'len' is not defined"]
