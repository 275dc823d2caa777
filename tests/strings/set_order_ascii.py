# sets of ASCII strings iterate in CPython's order (same hash, same table)
words = 'the quick brown fox jumps over the lazy dog again and again'.split()
print(set(words))
print(sorted(set(words)) == sorted(set(words)))
s = set()
for w in ['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'kiwi']:
    s.add(w)
print(s)
print(set('abcdefghijklmnopqrstuvwxyz'))
print(frozenset(['alpha', 'beta', 'gamma', 'delta']))
t = set('k%d' % i for i in range(40))
print(t)
for i in range(0, 40, 3):
    t.discard('k%d' % i)
print(t)
t.update(['z1', 'z2', 'z3'])
print(t)
# expect: {'again', 'brown', 'and', 'fox', 'the', 'over', 'quick', 'jumps', 'lazy', 'dog'}
# expect: True
# expect: {'banana', 'apple', 'cherry', 'fig', 'date', 'grape', 'kiwi', 'elderberry'}
# expect: {'z', 'r', 'a', 'v', 'o', 'j', 'f', 'x', 'g', 'k', 'p', 'd', 'y', 'n', 'b', 'm', 'q', 'u', 's', 'h', 't', 'i', 'c', 'e', 'w', 'l'}
# expect: frozenset({'alpha', 'delta', 'beta', 'gamma'})
# expect: {'k1', 'k28', 'k25', 'k36', 'k37', 'k8', 'k14', 'k18', 'k7', 'k29', 'k15', 'k30', 'k9', 'k35', 'k3', 'k0', 'k31', 'k10', 'k5', 'k20', 'k38', 'k24', 'k19', 'k22', 'k17', 'k6', 'k16', 'k11', 'k12', 'k23', 'k21', 'k2', 'k26', 'k32', 'k33', 'k39', 'k27', 'k13', 'k4', 'k34'}
# expect: {'k1', 'k28', 'k25', 'k37', 'k8', 'k14', 'k7', 'k29', 'k35', 'k31', 'k10', 'k5', 'k20', 'k38', 'k19', 'k22', 'k17', 'k16', 'k11', 'k23', 'k2', 'k26', 'k32', 'k13', 'k4', 'k34'}
# expect: {'k1', 'k28', 'k25', 'k37', 'k8', 'k14', 'k7', 'k29', 'k35', 'z2', 'z1', 'k31', 'k10', 'k5', 'k20', 'k38', 'k19', 'k22', 'k17', 'k16', 'z3', 'k11', 'k23', 'k2', 'k26', 'k32', 'k13', 'k4', 'k34'}
