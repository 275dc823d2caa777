print("%s is %d years" % ("Bob", 42))
print("%5.2f|%-6d|%06.1f|%x|%X|%o|%e|%r|%c|%%" % (3.14159, 42, 2.5, 255, 255, 8, 12345.678, "hi", 65))
print("%(name)s=%(val)03d" % {"name": "x", "val": 7})
print("%+d % d %.3s %*d" % (5, 5, "abcdef", 4, 7))
# expect: Bob is 42 years
# expect:  3.14|42    |0002.5|ff|FF|10|1.234568e+04|'hi'|A|%
# expect: x=007
# expect: +5  5 abc    7
