# set algebra on strings: results iterate in CPython's order
a = set('alpha beta gamma delta epsilon zeta eta theta'.split())
b = set('gamma delta iota kappa lambda mu'.split())
print(a | b)
print(a & b)
print(a - b)
print(a ^ b)
print(b.union(['nu', 'xi']), b.intersection(['mu', 'iota', 'omicron']))
print(a.symmetric_difference(b) == (a | b) - (a & b))
c = a.copy()
c -= {'alpha'}
c |= {'pi', 'rho'}
print(c)
print({w.upper() for w in b})
d = dict.fromkeys(['one', 'two', 'three', 'four'])
print(d.keys() | {'five'}, d.keys() & {'two', 'six'}, d.keys() - {'one'})
print(list(set(['x', 'y', 'z', 'xx', 'yy', 'zz'])))
# expect: {'alpha', 'beta', 'kappa', 'theta', 'lambda', 'iota', 'zeta', 'eta', 'mu', 'gamma', 'delta', 'epsilon'}
# expect: {'delta', 'gamma'}
# expect: {'alpha', 'beta', 'zeta', 'eta', 'theta', 'epsilon'}
# expect: {'alpha', 'beta', 'kappa', 'lambda', 'eta', 'mu', 'iota', 'zeta', 'theta', 'epsilon'}
# expect: {'kappa', 'gamma', 'nu', 'xi', 'delta', 'lambda', 'mu', 'iota'} {'iota', 'mu'}
# expect: True
# expect: {'beta', 'theta', 'rho', 'pi', 'zeta', 'eta', 'gamma', 'delta', 'epsilon'}
# expect: {'DELTA', 'LAMBDA', 'GAMMA', 'MU', 'IOTA', 'KAPPA'}
# expect: {'one', 'five', 'three', 'two', 'four'} {'two'} {'three', 'two', 'four'}
# expect: ['y', 'zz', 'x', 'z', 'yy', 'xx']
