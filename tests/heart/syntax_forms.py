def r(a): return *a, 9
print(r([1, 2]))
def yy(a):
    yield *a, 0
print(list(yy([5])))
class M:
    def __getitem__(self, k): return k
print(M()[1:2, 3], M()[::2], M()[...])
print({(i, j): i * j for i in range(3) if i for j in range(i) if j or i == 1})
w = 7
print(f"{w:{'>'}{5}}|{w!r:^5}|{'{'}|{{}}")
f = lambda *, k: k
print(f(k=3))
ñ = 5; print(ñ)
def el(x):
    if x == 1: return "one"
    elif x == 2: return "two"
    elif x == 3 and not x == 4 or x == 9: return "three/nine"
    else: return "other"
print([el(i) for i in (1, 2, 3, 9, 5)])
n = 0
while n < 10:
    n += 1
    if n == 4: break
else:
    print("no break")
print(n)
for a in []:
    pass
else:
    print("for else")
def cond(a, b, c):
    if not (a and b) or c:
        return 1
    return 0
print([cond(a, b, c) for a in (0, 1) for b in (0, 1) for c in (0, 1)])
print(0 < 1 < 2 > 1 != 3 == 3, 1 < 0 < undefined_if_evaluated if False else 'sc')
x = [1, 2, 3]
x[1:2] = [7, 8, 9]
del x[0]
print(x)
x[::2] = [0, 0]
print(x)
class Acc:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d.get(k, 0)
    def __setitem__(self, k, v): self.d[k] = v
acc = Acc(); acc['a'] += 5; acc['a'] *= 3; print(acc.d)
print(type(lambda: 0).__name__, (lambda: 0).__name__, (lambda: 0).__qualname__)
def outerl(): return lambda: 0
print(outerl().__qualname__)
print([i for i in range(3)].__class__, {1: 2}.get(1))
i = 'outer'
print([i for i in range(2)], i)
def gen_exp_scope():
    ys = [1, 2]
    return list(y * k for y in ys for k in ys)
print(gen_exp_scope())
print(sum(i*i for i in range(10) if i % 3), max((i for i in [3, 1, 2])))
print(list(map(lambda p: p[0] + p[1], zip([1, 2], [3, 4]))))
print(*(c for c in "ab"), sep=',')
a = b = c = d = [0]
a += [1]
print(d)
def defaults_eval(x=[]):
    x.append(len(x)); return x
defaults_eval(); print(defaults_eval())
print(defaults_eval.__defaults__)
def many(a, b, c=3, *d, e, f=6, **g): pass
print(many.__code__.co_argcount, many.__code__.co_kwonlyargcount, many.__code__.co_varnames, many.__kwdefaults__)
print((1, 2) + (3,), 2 ** -1, 10 // 3, -7 % 3, 1e300 * 1e10, 3 @ 4 if False else "mm")
# expect: (1, 2, 9)
# expect: [(5, 0)]
# expect: (slice(1, 2, None), 3) slice(None, None, 2) Ellipsis
# expect: {(1, 0): 0, (2, 1): 2}
# expect:     7|  7  |{|{}
# expect: 3
# expect: 5
# expect: ['one', 'two', 'three/nine', 'three/nine', 'other']
# expect: 4
# expect: for else
# expect: [1, 1, 1, 1, 1, 1, 0, 1]
# expect: True sc
# expect: [7, 8, 9, 3]
# expect: [0, 8, 0, 3]
# expect: {'a': 15}
# expect: function <lambda> <lambda>
# expect: outerl.<locals>.<lambda>
# expect: <class 'list'> 2
# expect: [0, 1] outer
# expect: [1, 2, 2, 4]
# expect: 159 3
# expect: [4, 6]
# expect: a,b
# expect: [0, 1]
# expect: [0, 1]
# expect: ([0, 1],)
# expect: 3 2 ('a', 'b', 'c', 'e', 'f', 'd', 'g') {'f': 6}
# expect: (1, 2, 3) 0.5 3 2 inf mm
