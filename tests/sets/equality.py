print({1, 2} == {2, 1}, {1, 2} == frozenset({1, 2}), {1} != {1, 2}, set() == set())
# expect: True True True True
