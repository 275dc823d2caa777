# frozenset's hash is CPython's frozenset_hash exactly (int element hashes are not randomized).
print(hash(frozenset()))
print(hash(frozenset({1, 2, 3})))
print(hash(frozenset(range(100))))
print(hash(frozenset({-1, -2})))
print(hash(frozenset({frozenset({1}), frozenset({2, 3})})))
print(hash(frozenset({(1, 2), (3, 4)})))
s = frozenset(range(20)) - frozenset(range(0, 20, 2))
print(hash(s), hash(s) == hash(frozenset(range(1, 20, 2))))
# expect: 133146708735736
# expect: -272375401224217160
# expect: 4411996150312757951
# expect: 399283329322573
# expect: -7613823993159379898
# expect: 4486445898448503724
# expect: 6779716211069708554 True
