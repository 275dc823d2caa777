# Operator precedence and associativity, as in the Python grammar.
f = lambda x: x if x else -x
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2)
print(1 + 2 * 3 - 4 / 2, 7 // 2 * 3, 7 % 3 ** 2)
print(1 | 2 ^ 3 & 4 << 1 >> 1)
print(not 1 == 2, not 1 and 0 or 3, 1 if 0 else 2 if 1 else 3)
print(~5 + 1, - - 3, +-+1)
print(1 < 2 < 3 > 2 != 1 == 1, 1 in [1] not in [[2]], f is not None)
print(f(0), f(3), (lambda: 1 or 2)())
print([1, 2][1:][0], {"a": [1, 2]}["a"][-1], "abc"[::-1])
# expect: -4 4 0.5 512
# expect: 5.0 9 7
# expect: 3
# expect: True 3 2
# expect: -5 3 -1
# expect: True True True
# expect: 0 3 1
# expect: 2 2 cba
