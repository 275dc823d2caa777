for i, (a, b) in enumerate(zip("abc", [1, 2, 3]), start=1):
    print(i, a, b)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(enumerate("xy")))
# expect: 1 a 1
# expect: 2 b 2
# expect: 3 c 3
# expect: [(1, 'a'), (2, 'b')] [] [(0, 'x'), (1, 'y')]
