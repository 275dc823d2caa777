# LOAD_GLOBAL of a module global, specialized (LOAD_GLOBAL_MODULE) and missed:
# the global rebound, deleted, the globals dict grown after warm-up.
counter = 10

def read():
    return counter

def warm(n):
    s = 0
    for _ in range(n):
        s += read()
    return s

print(warm(200))
# expect: 2000
counter = 3                     # rebound: same entry, new value
print(warm(200))
# expect: 600
for i in range(100):            # the dict grows: the cached position may go stale
    globals()["filler%d" % i] = i
print(warm(200))
# expect: 600
del counter                     # deleted after warm-up: NameError as CPython
try:
    read()
except NameError as e:
    print(e)
# expect: name 'counter' is not defined
try:
    warm(5)
except NameError as e:
    print("warm:", e)
# expect: warm: name 'counter' is not defined
counter = 7                     # bound again: a new entry at another position
print(warm(150))
# expect: 1050
for i in range(100):
    del globals()["filler%d" % i]
print(warm(150), read())
# expect: 1050 7

# A function that reads several globals and a builtin in one loop.
A = 1
B = 2.5
C = "x"
def mix(n):
    out = 0
    for i in range(n):
        out += A + B + len(C)
    return out
print(mix(300))
# expect: 1350.0
A = 10
C = "xyz"
print(mix(300))
# expect: 4650.0

# Two functions of one code object run with different globals dicts.
src = compile("def g():\n    return val\n", "<s>", "exec")
ns1 = {"val": "one"}
ns2 = {"pad": 0, "pad2": 1, "val": "two"}
exec(src, ns1)
exec(src, ns2)
f1, f2 = ns1["g"], ns2["g"]
print(f1.__code__ is f2.__code__)
# expect: True
r = []
for i in range(300):
    r.append(f1() if i % 3 else f2())
print(r.count("one"), r.count("two"))
# expect: 200 100
ns3 = {}
exec(src, ns3)
try:
    ns3["g"]()
except NameError as e:
    print(e)
# expect: name 'val' is not defined
