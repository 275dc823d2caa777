# CALL_LIST_APPEND and CALL_METHOD_DESCRIPTOR: builtin methods through LOAD_METHOD.
def fill(lst, n):
    for i in range(n):
        lst.append(i)
    return lst

a = fill([], 300)
print(len(a), a[-1], sum(a))
# expect: 300 299 44850

# a list subclass with its own append at the warmed site
class MyList(list):
    def append(self, x):
        list.append(self, x * 10)
print(fill(MyList(), 3))
# expect: [0, 10, 20]

# a list subclass without an override: list.append itself
class Plain(list):
    pass
p = fill(Plain(), 3)
print(p, type(p).__name__)
# expect: [0, 1, 2] Plain

# another type whose "append" is something else
class Sink:
    def __init__(self):
        self.n = 0
    def append(self, x):
        self.n += x
s = fill(Sink(), 10)
print(s.n)
# expect: 45

# append with a wrong argument count at a warmed site
def app2(lst):
    lst.append(1, 2)
for i in range(3):
    try:
        app2([])
    except TypeError as e:
        print(e)
# expect: list.append() takes exactly one argument (2 given)
# expect: list.append() takes exactly one argument (2 given)
# expect: list.append() takes exactly one argument (2 given)

# dict.get, str.join, str.upper, list.pop at warmed sites, then misses
def gets(d, keys):
    return [d.get(k) for k in keys]
d = {i: i * i for i in range(10)}
print(sum(x for x in gets(d, list(range(10)) * 30) if x))
# expect: 8550
print(gets(d, [100]), gets({"a": 1}, ["a", "b"]))
# expect: [None] [1, None]
class DD(dict):
    def get(self, k):
        return "sub"
print(gets(DD(), [1]))
# expect: ['sub']

def joins(sep, parts, n):
    r = None
    for i in range(n):
        r = sep.join(parts)
    return r
print(joins(",", ["a", "b", "c"], 200), joins("-", ("x", "y"), 2))
# expect: a,b,c x-y
try:
    joins(",", ["a", 1], 1)
except TypeError as e:
    print(e)
# expect: sequence item 1: expected str instance, int found

class J:
    def join(self, parts):
        return "J"
print(joins(J(), [], 1))
# expect: J

class Up:
    def upper(self):
        return "up"
def ups(xs):
    return [x.upper() for x in xs]
print(ups(["ab"] * 200)[-1], ups([Up()]), ups(["e"]))
# expect: AB ['up'] ['E']

def pops(lst):
    r = 0
    while lst:
        r += lst.pop()
    return r
print(pops(list(range(300))))
# expect: 44850
try:
    [].pop()
except IndexError as e:
    print(e)
# expect: pop from empty list

# an unbound method descriptor called with the instance first
def unbound(n):
    r = []
    for i in range(n):
        list.append(r, i)
    return r
print(len(unbound(300)))
# expect: 300
try:
    list.append(5, 1)
except TypeError as e:
    print(e)
# expect: descriptor 'append' for 'list' objects doesn't apply to a 'int' object
