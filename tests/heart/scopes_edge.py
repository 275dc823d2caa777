def f():
    x = 1
    class C:
        x = 2
        def m(self): return x
    return C
C = f(); print(C().m(), C.x)
def g():
    y = 'outer'
    class D:
        y = 'class'
        print(y)
    return D
g()
def h():
    z = 0
    class E:
        nonlocal z
        z = 5
    return z
print(h())
def k():
    def inner():
        return v
    v = 3
    return inner()
print(k())
def gl():
    global newglob
    newglob = 'set'
    class F:
        global newglob2
        newglob2 = 'set2'
gl(); print(newglob, newglob2)
def comp_scope():
    n = 10
    return [n + i for i in range(2)], {n: i for i in range(1)}, list(n * j for j in range(2))
print(comp_scope())
class G:
    a = 5
    try:
        b = [a for _ in range(1)]
    except NameError as e:
        b = str(e)
print(G.b)
def walrus_comp():
    [last := v for v in range(4)]
    return last
print(walrus_comp())
total = [t := 0, [t := t + v for v in range(4)]]
print(t)
def args_cells(a, b):
    def inner(): return a + b
    a = a * 10
    return inner()
print(args_cells(1, 2))
def varargs_cell(*a, **k):
    return (lambda: (a, k))()
print(varargs_cell(1, x=2))
# expect: 1 2
# expect: class
# expect: 5
# expect: 3
# expect: set set2
# expect: ([10, 11], {10: 0}, [0, 10])
# expect: name 'a' is not defined
# expect: 3
# expect: 6
# expect: 12
# expect: ((1,), {'x': 2})
