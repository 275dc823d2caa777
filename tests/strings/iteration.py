for ch in "héllo":
    print(ch, end=".")
print()
print(list("abc"), tuple("xy"), "".join(reversed("stressed")))
# expect: h.é.l.l.o.
# expect: ['a', 'b', 'c'] ('x', 'y') desserts
