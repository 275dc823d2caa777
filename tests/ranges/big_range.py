r = range(10**20, 10**20 + 5)
print(len(r), r[-1], 10**20 + 3 in r)
# expect: 5 100000000000000000004 True
