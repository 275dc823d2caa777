print(repr("a\tb\tc".expandtabs()), repr("a\tb".expandtabs(4)))
# expect: 'a       b       c' 'a   b'
