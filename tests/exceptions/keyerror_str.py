try:
    {"a": 1}["b"]
except KeyError as e:
    print(e, repr(e), e.args)
# expect: 'b' KeyError('b') ('b',)
