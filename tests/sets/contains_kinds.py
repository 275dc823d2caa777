# `in` on exact sets, frozensets and dicts (probed inline, also by the
# generic instruction) and on their subclasses (their own __contains__).
s = {1, 2, "a", (1, 2), frozenset({3})}
d = {"k": 1, 2: 3}
class S(set):
    def __contains__(self, x):
        return x == "magic"
class D(dict):
    pass
for i in range(3):
    print(1 in s, "a" in s, "b" in s, (1, 2) in s, {3} in s, 2.0 in s, True in s)
    print("k" in d, 2 in d, 2.0 in d, "z" not in d)
    print("magic" in S(), 1 in S({1}), "k" in D(k=1))
    try:
        [] in s
    except TypeError as e:
        print("TypeError", e)
    try:
        {} in d
    except TypeError as e:
        print("TypeError", e)
# expect: True True False True True True True
# expect: True True True True
# expect: True False True
# expect: TypeError unhashable type: 'list'
# expect: TypeError unhashable type: 'dict'
# expect: True True False True True True True
# expect: True True True True
# expect: True False True
# expect: TypeError unhashable type: 'list'
# expect: TypeError unhashable type: 'dict'
# expect: True True False True True True True
# expect: True True True True
# expect: True False True
# expect: TypeError unhashable type: 'list'
# expect: TypeError unhashable type: 'dict'
