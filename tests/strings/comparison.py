print("abc" < "abd", "a" < "B", "Z" < "a", "" < "a", "abc" == "abc", "é" > "z", sorted(["b", "A", "a", "é", "C"]))
# expect: True False True True True True ['A', 'C', 'a', 'b', 'é']
