print("a b  c".split(), "a,b,,c".split(","), "a,b,c".split(",", 1), "  x  ".split(" "))
print("a b c".rsplit(None, 1), "".split(), "".split(","), "abc".split("b"))
print("one\ntwo\r\nthree".splitlines(), "x\ny\n".splitlines(True))
# expect: ['a', 'b', 'c'] ['a', 'b', '', 'c'] ['a', 'b,c'] ['', '', 'x', '', '']
# expect: ['a b', 'c'] [] [''] ['a', 'c']
# expect: ['one', 'two', 'three'] ['x\n', 'y\n']
