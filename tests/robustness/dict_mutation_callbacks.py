# dicts, views and sets mutated from __eq__/__hash__/__repr__ during lookups, comparisons and iteration: clean errors, no crash
class H:
    def __init__(s, v): s.v = v
    def __hash__(s): return hash(s.v)
    def __eq__(s, o):
        if isinstance(o, H): d.clear()
        return NotImplemented
d = {H(i): i for i in range(10)}
e = {H(i): i for i in range(10)}
try: print(d == e)
except Exception as ex: print(type(ex).__name__)
d = {H(i): i for i in range(10)}
try: print(d.items() == e.items(), d.keys() == e.keys())
except Exception as ex: print(type(ex).__name__)
class V:
    def __eq__(s, o):
        dd.clear(); return True
dd = {1: V(), 2: V()}
ee = {1: V(), 2: V()}
try: print(dd == ee)
except Exception as ex: print(type(ex).__name__)
dd = {1: V(), 2: V()}
print(V() in dd.values(), list(dd.values()).count(V()))
# repr recursion via values
class R:
    def __repr__(s):
        dd.clear(); ss.clear(); return 'R'
dd = {i: R() for i in range(5)}
ss = {R() for i in range(5)}
try: print(repr(dd), repr(ss))
except Exception as ex: print(type(ex).__name__)
dd = {i: R() for i in range(5)}
try: print(dd.items(), dd.values(), dd.keys())
except Exception as ex: print(type(ex).__name__)
# iterating views while mutating
dd = {i: i for i in range(5)}
for it in [iter(dd), iter(dd.values()), iter(dd.items()), reversed(dd), reversed(dd.items())]:
    try:
        for x in it:
            dd[100 + len(dd)] = 1
    except RuntimeError as ex: print(ex)
    dd = {i: i for i in range(5)}
    try:
        for x in it:
            del dd[x if isinstance(x, int) else 0]
    except (RuntimeError, KeyError) as ex: print(type(ex).__name__, ex)
dd = {i: i for i in range(5)}
it = iter(dd)
next(it); dd.clear(); dd.update({i: i for i in range(5)})
try: print(list(it))
except RuntimeError as ex: print(ex)
s = set(range(5)); it = iter(s); next(it); s.clear(); s.update(range(10, 15))
try: print(list(it))
except RuntimeError as ex: print(ex)
# popitem / setdefault callbacks
class K:
    def __hash__(s):
        dd.clear(); return 7
dd = {1: 1}
print(dd.setdefault(K(), 5), len(dd))
dd = {1: 1}
dd[K()] = 3; print(len(dd))
ss = {1, 2}
class K2:
    def __hash__(s):
        ss.clear(); return 7
ss.add(K2()); print(len(ss))
print({}.popitem() if False else 'ok')
# expect: False
# expect: False False
# expect: True
# expect: True 0
# expect: {0: R} set()
# expect: dict_items([(0, R), (1, R), (2, R), (3, R), (4, R)]) dict_values([]) dict_keys([])
# expect: dictionary changed size during iteration
# expect: RuntimeError dictionary changed size during iteration
# expect: dictionary changed size during iteration
# expect: RuntimeError dictionary changed size during iteration
# expect: dictionary changed size during iteration
# expect: RuntimeError dictionary changed size during iteration
# expect: dictionary changed size during iteration
# expect: RuntimeError dictionary changed size during iteration
# expect: dictionary changed size during iteration
# expect: RuntimeError dictionary changed size during iteration
# expect: [1, 2, 3, 4]
# expect: [10, 11, 12, 13, 14]
# expect: 5 1
# expect: 1
# expect: 1
# expect: ok
