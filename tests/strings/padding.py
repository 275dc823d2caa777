print(repr("42".zfill(5)), repr("-42".zfill(5)), repr("ab".ljust(5, "*")), repr("ab".rjust(5)), repr("ab".center(7, "-")), repr("abc".center(6)))
# expect: '00042' '-0042' 'ab***' '   ab' '---ab--' ' abc  '
