print(hash("abc") == hash("ab" + "c"), hash("") == hash(""), {"a": 1}["a"])
# expect: True True 1
