print(hash(1), hash(-1), hash(0), hash(2**61 - 1), hash(2**61), hash(-2**64), hash(10**20))
# expect: 1 -2 0 0 1 -8 848750603811160107
