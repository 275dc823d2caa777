# expandtabs() with a tab size beyond a C int: CPython's OverflowError, before looking for tabs
for t in [2**62, -2**62, 2**31, 2**100, -5, 3]:
    for s in ['a\tb', 'ab']:
        try:
            print(repr(s.expandtabs(t)))
        except OverflowError as e:
            print('OverflowError:', e)
# expect: OverflowError: Python int too large to convert to C int
# expect: OverflowError: Python int too large to convert to C int
# expect: OverflowError: Python int too large to convert to C int
# expect: OverflowError: Python int too large to convert to C int
# expect: OverflowError: Python int too large to convert to C int
# expect: OverflowError: Python int too large to convert to C int
# expect: OverflowError: Python int too large to convert to C int
# expect: OverflowError: Python int too large to convert to C int
# expect: 'ab'
# expect: 'ab'
# expect: 'a  b'
# expect: 'ab'
