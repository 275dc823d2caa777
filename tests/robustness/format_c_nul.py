# format(0, 'c') is the one-character string '\x00', not '' (a C string cut short)
print(repr(format(0, 'c')), len(format(0, 'c')), repr(f'{0:>3c}'), repr('{:^4c}'.format(0)))
# expect: '\x00' 1 '  \x00' ' \x00  '
