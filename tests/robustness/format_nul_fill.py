# '\x00' is a valid fill character for numbers, as for strings
print(repr(format(5, '\x00>5')), repr(format(5.5, '\x00^9')), repr('{:\x00=+8}'.format(-3)))
print(repr(format('ab', '\x00<5')), repr(format(0, '\x00>3c')))
# expect: '\x00\x00\x00\x005' '\x00\x00\x005.5\x00\x00\x00' '-\x00\x00\x00\x00\x00\x003'
# expect: 'ab\x00\x00\x00' '\x00\x00\x00'
