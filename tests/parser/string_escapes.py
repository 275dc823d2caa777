# String literal escapes and adjacent literal concatenation.
s = "a\tb\\c\'d\"e\x41\u00e9\U0001F600\101\0end"
print(repr(s), len(s))
print(r"\n\d", R'\x', "\N{GREEK SMALL LETTER ALPHA}", u"u-prefix")
print("con" 'cat' """en""" '''ation''')
print("line \
continued")
print("unknown \d escape", len("\d"))
print('''multi
line''')
# expect: 'a\tb\\c\'d"eAé😀A\x00end' 17
# expect: \n\d \x α u-prefix
# expect: concatenation
# expect: line continued
# expect: unknown \d escape 2
# expect: multi
# expect: line
