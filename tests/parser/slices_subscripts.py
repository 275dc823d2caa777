# Subscripts with slices, tuples of slices, starred items and Ellipsis.
class S:
    def __getitem__(self, k): return k
s = S()
print(s[1], s[1:2], s[::3], s[1:2, ::-1], s[...], s[1, ...], s[:, 0])
print(s[()], s[1,], s[a := 5], a)
# expect: 1 slice(1, 2, None) slice(None, None, 3) (slice(1, 2, None), slice(None, None, -1)) Ellipsis (1, Ellipsis) (slice(None, None, None), 0)
# expect: () (1,) 5 5
