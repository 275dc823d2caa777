# Specialized LOAD_GLOBAL while another thread rebinds the global, shadows a
# builtin with a global and deletes the shadow, and replaces the builtin:
# every read sees a value that was bound at some moment, never a stale
# builtin after the shadow was seen (per thread) or a freed object.
import builtins
import threading

def real_len(x):
    return "builtin"
builtins.spec_probe = real_len
value = "v0"
bad = []

def shadow(x):
    return "global"

def reader():
    kinds = set()
    for r in range(3000):
        k = spec_probe(r)
        if k not in ("builtin", "global", "replaced"):
            bad.append(k)
        kinds.add(k)
        v = value
        if not (len(v) == 2 and v[0] == "v" and v[1] in "0123456"):
            bad.append(v)
    return kinds

def worker(i):
    global value, spec_probe
    if i == 0:
        for r in range(3000):
            value = "v%d" % (r % 7)
            if r % 3 == 0:
                spec_probe = shadow
            elif r % 3 == 1:
                del spec_probe
            else:
                builtins.spec_probe = (lambda x: "replaced") if r % 2 else real_len
    else:
        reader()

threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(bad)
# expect: []
