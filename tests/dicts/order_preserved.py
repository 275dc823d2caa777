d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(list(d))
del d["alpha"]
d["alpha"] = 0
print(list(d.items()))
# expect: ['zeta', 'alpha', 'mid', 'beta']
# expect: [('zeta', 4), ('mid', 3), ('beta', 4), ('alpha', 0)]
