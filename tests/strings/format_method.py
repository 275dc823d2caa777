print("{} and {}".format("a", "b"), "{1} {0} {1}".format("x", "y"), "{name}!".format(name="Ann"))
print("{:>6}|{:<6}|{:^6}|{:*^7}".format("r", "l", "c", "s"))
print("{0[1]} {1.real} {d[k]}".format([1, 2], 5, d={"k": "v"}))
print("{!r} {!s} {{literal}}".format("q", 3), "{:{w}.{p}f}".format(3.14159, w=8, p=2))
# expect: a and b y x y Ann!
# expect:      r|l     |  c   |***s***
# expect: 2 5 v
# expect: 'q' 3 {literal}     3.14
