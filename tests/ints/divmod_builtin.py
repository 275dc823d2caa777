print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5))
# expect: (3, 2) (-4, 3) (-4, -3) (3.0, 2.5)
