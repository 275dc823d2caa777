# LOAD_GLOBAL of a builtin, specialized (LOAD_GLOBAL_BUILTIN) and missed:
# shadowed by a global after warm-up, the shadow deleted again, the builtin
# itself replaced or deleted in builtins.
import builtins

def count(xs):
    n = 0
    for x in xs:
        n += len(x)
    return n

data = ["ab", "cde", ""] * 50
print(count(data))
# expect: 250

def len(x):                     # a global shadows the builtin
    return 1
print(count(data))
# expect: 150
del len                         # the builtin again
print(count(data))
# expect: 250

# A global inserted under another name does not disturb the builtin.
unrelated = 5
print(count(data))
# expect: 250

# The builtin replaced in builtins itself.
real_abs = builtins.abs
def total(n):
    s = 0
    for i in range(n):
        s += abs(-i)
    return s
print(total(200))
# expect: 19900
builtins.abs = lambda v: 1
print(total(200))
# expect: 200
builtins.abs = real_abs
print(total(200))
# expect: 19900

# The builtin deleted: NameError as CPython.
builtins.my_helper = lambda: "helper"
def call_helper():
    return my_helper()
print([call_helper() for _ in range(150)].count("helper"))
# expect: 150
del builtins.my_helper
try:
    call_helper()
except NameError as e:
    print(e)
# expect: name 'my_helper' is not defined
builtins.my_helper = lambda: "again"
print(call_helper())
# expect: again
my_helper = lambda: "global"
print(call_helper())
# expect: global
del builtins.my_helper
print(call_helper())
# expect: global
del my_helper
try:
    call_helper()
except NameError as e:
    print(e)
# expect: name 'my_helper' is not defined

# Builtins used as values and as callables in one hot loop.
def kinds(n):
    out = []
    for i in range(n):
        out.append((int, str, isinstance(i, int), min(i, 3)))
    return out[-1]
print(kinds(200))
# expect: (<class 'int'>, <class 'str'>, True, 3)
int = float
print(kinds(200))
# expect: (<class 'float'>, <class 'str'>, False, 3)
del int
print(kinds(200))
# expect: (<class 'int'>, <class 'str'>, True, 3)
