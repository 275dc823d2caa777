# set and dict operations whose key __eq__ clears or refills the container: CPython's results, no crash
# dict/set mutation during callbacks
class E:
    def __init__(s, n): s.n = n
    def __hash__(s): return 1
    def __eq__(s, o):
        D.clear(); S.clear()
        return False
D = {}; S = set()
for i in range(30):
    try: D[E(i)] = i
    except RuntimeError as e: print('RE', e)
    try: S.add(E(i))
    except RuntimeError as e: print('RE', e)
print(len(D) >= 0, len(S) >= 0)
class F:
    def __hash__(s): return 1
    def __eq__(s, o):
        D2.update({j: j for j in range(100)}); return True
D2 = {F(): 1}
try: print(D2[F()])
except Exception as e: print(type(e).__name__)
try: print(F() in D2, D2.get(F()), D2.pop(F(), 'x'))
except Exception as e: print(type(e).__name__)
S2 = {F()}
try: print(F() in S2)
except Exception as e: print(type(e).__name__)
S3 = set()
class G:
    def __hash__(s): return 1
    def __eq__(s, o):
        S3.clear(); return True
S3 = {G(), 1}
for op in ['S3 == {G()}', 'S3 <= {G()}', 'S3 & {G(), 2}', 'S3 - {G()}', 'S3 ^ {G()}', 'S3.isdisjoint({G()})', 'S3.discard(G())', 'S3.remove(G())', 'S3.issubset([G()])', 'S3.intersection_update([G()])', 'S3.difference_update([G()])', 'S3.symmetric_difference_update([G()])']:
    S3 = {G(), 1, 'a'}
    try: print(op, eval(op))
    except Exception as e: print(op, type(e).__name__)
for op in ['D == {G(): 1}', 'D.keys() & {G()}', 'D.items() == {(G(), 1)}', 'D.items() & {(G(), 1)}', '(G(), 1) in D.items()', 'D.keys() ^ {G()}', 'D.keys() - {G()}', 'D.keys() <= {G()}', 'D.items() - [(G(),1)]']:
    D = {G(): 1, 2: 3}
    S3 = D
    try: print(op, eval(op))
    except Exception as e: print(op, type(e).__name__)
# expect: True True
# expect: RecursionError
# expect: RecursionError
# expect: RecursionError
# expect: S3 == {G()} False
# expect: S3 <= {G()} False
# expect: S3 & {G(), 2} set()
# expect: S3 - {G()} set()
# expect: S3 ^ {G()} set()
# expect: S3.isdisjoint({G()}) True
# expect: S3.discard(G()) None
# expect: S3.remove(G()) KeyError
# expect: S3.issubset([G()]) False
# expect: S3.intersection_update([G()]) None
# expect: S3.difference_update([G()]) None
# expect: S3.symmetric_difference_update([G()]) None
# expect: D == {G(): 1} False
# expect: D.keys() & {G()} set()
# expect: D.items() == {(G(), 1)} False
# expect: D.items() & {(G(), 1)} set()
# expect: (G(), 1) in D.items() False
# expect: D.keys() ^ {G()} {2}
# expect: D.keys() - {G()} {2}
# expect: D.keys() <= {G()} False
# expect: D.items() - [(G(),1)] {(2, 3)}
