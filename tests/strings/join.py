print("-".join(["a", "b", "c"]), "".join("xyz"), ", ".join(str(i) for i in range(4)))
# expect: a-b-c xyz 0, 1, 2, 3
