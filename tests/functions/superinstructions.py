# Adjacent local loads/stores run as one superinstruction in each thread's
# bytecode copy (LOAD_FAST__LOAD_FAST, STORE_FAST__LOAD_FAST, ...): an unbound
# local in the second half is reported at its own line, a jump into the
# second half runs it alone, and a __del__ run by the second store sees it.
import sys

def second_load():
    x = 1
    del x
    y = 2
    return (y,
            x)

def const_then_load(a):
    del a
    return (3, a)

def store_then_load():
    z = 1
    del z
    w = 0
    w = 5; q = (w,
                z)

def report(f, *args):
    try:
        f(*args)
    except UnboundLocalError as e:
        t = e.__traceback__
        while t.tb_next:
            t = t.tb_next
        return '%s %d' % (e, t.tb_lineno - f.__code__.co_firstlineno)

for i in range(60):      # warm (and, with specialization on, specialized) copies
    r = [report(second_load), report(const_then_load, 1), report(store_then_load)]
print(*r, sep='\n')
# expect: cannot access local variable 'x' where it is not associated with a value 5
# expect: cannot access local variable 'a' where it is not associated with a value 2
# expect: cannot access local variable 'z' where it is not associated with a value 5

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "at", sys._getframe(1).f_lineno - pairs.__code__.co_firstlineno)

def pairs(n):
    total = 0
    for i in range(n):   # the back edge lands on the first half of a pair
        a = i
        b = a
        total += a + b
    x = D("x"); y = D("y")
    x, y = 1, 2          # the second store of the pair drops y's old value
    return total, x, y

print(pairs(100))
# expect: del x at 7
# expect: del y at 7
# expect: (9900, 1, 2)

def jump_into_second(n):
    i = 0
    while True:          # the back edge jumps to the load of i, the second
        if i >= n:       # half of the pair that starts with `i = 0`'s store
            return i
        i = i + 1

print([jump_into_second(k) for k in range(4)])
# expect: [0, 1, 2, 3]
