t = str.maketrans("abc", "xyz", "d")
print("aabbccdd".translate(t), str.maketrans({"a": "1"}) == {97: "1"})
# expect: xxyyzz True
