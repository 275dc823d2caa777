a = "text"
b = [1]
print(hash(a) == hash("te" + "xt"), id(b) == id(b), id(b) != id([1]), hash(1) == hash(1.0), hash(True) == 1)
# expect: True True True True True
