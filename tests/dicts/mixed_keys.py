d = {1: "int", "1": "str", (1, 2): "tuple", None: "none", 2.5: "float", True: "bool?"}
print(d)
print(d[1], d[(1, 2)], d[None])
# expect: {1: 'bool?', '1': 'str', (1, 2): 'tuple', None: 'none', 2.5: 'float'}
# expect: bool? tuple none
