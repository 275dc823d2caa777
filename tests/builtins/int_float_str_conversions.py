print(int("7") + float("1.5"), str(7) + "x", repr("q"), bool("False"), bool(""), list("ab"), tuple([1]))
# expect: 8.5 7x 'q' True False ['a', 'b'] (1,)
