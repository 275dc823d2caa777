t = (1, "two", 3.0)
print(t, t[1], t[-1], t[0:2], len(t), (), (1,), tuple([1, 2]))
# expect: (1, 'two', 3.0) two 3.0 (1, 'two') 3 () (1,) (1, 2)
