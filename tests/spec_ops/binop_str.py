# BINARY_OP str + str (BINARY_OP_ADD_STR and the in-place s += t that grows
# the local's string), specialized and missed: other types after warm-up,
# str subclasses, and a string still referenced elsewhere never changes.
def cat(a, b): return a + b

print(len("".join(cat(str(i), "-") for i in range(200))))
# expect: 690
try:
    cat("n=", 5)
except TypeError as e:
    print(e)
# expect: can only concatenate str (not "int") to str
try:
    cat("n=", None)
except TypeError as e:
    print(e)
# expect: can only concatenate str (not "NoneType") to str
print(cat([1], [2]), cat(1, 2), cat((1,), ()), cat("é", "ü"))
# expect: [1, 2] 3 (1,) éü

def grow(n):
    s = ""
    for i in range(n):
        s += "ab"
        s = s + "c"
    return s
r = grow(300)
print(len(r), r[:7], r[-3:])
# expect: 900 abcabca abc

def grow_keep(n):
    s = "start"
    keep = []
    for i in range(n):
        keep.append(s)
        s += str(i % 10)
    return keep[0], keep[5], keep[-1][-5:], s[-5:], len(s)
print(grow_keep(200))
# expect: ('start', 'start01234', '45678', '56789', 205)

# An in-place add whose left operand is also referenced by a list and a global.
g = "g"
def grow_shared(n):
    global g
    items = []
    for i in range(n):
        t = g
        t += "x"
        items.append(t)
    return len(set(items)), g
print(grow_shared(150))
# expect: (1, 'g')

class S(str):
    def __add__(self, other):
        return "S.__add__"
    def __radd__(self, other):
        return "S.__radd__"
print(cat(S("a"), "b"), cat("a", S("b")))
# expect: S.__add__ S.__radd__

def tag(xs):
    out = []
    for x in xs:
        out.append("<" + x + ">")
    return out
print(tag(["a", "bc"] * 100)[-1])
# expect: <bc>
try:
    tag(["a"] * 120 + [3])
except TypeError as e:
    print(e)
# expect: can only concatenate str (not "int") to str

# s += t where t is not a str after warm-up.
def acc(parts):
    s = ""
    for p in parts:
        s += p
    return s
print(len(acc(["xy"] * 200)))
# expect: 400
try:
    acc(["xy"] * 150 + [2.5])
except TypeError as e:
    print(e)
# expect: can only concatenate str (not "float") to str
