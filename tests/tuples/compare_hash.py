print((1, 2) < (1, 3), (1, 2) == (1, 2), (1, 2, 3) > (1, 2), hash((1, 2)) == hash((1, 2)))
print(hash((1, 2, 3)), hash(()), hash((1, "a")) == hash((1, "a")))
# expect: True True True True
# expect: 529344067295497451 5740354900026072187 True
