print(3 in [1, 2, 3], 4 not in (1, 2), "ell" in "hello", "z" in "hello")
print(2 in {1: "a", 2: "b"}, "a" in {1: "a"}, 5 in range(10), 10 in range(10))
# expect: True True True False
# expect: True False True False
