for s in ["123", "abc", "abc123", "   ", "", "Abc", "ABC", "Hello World", "a_1", "1a", "²"]:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isdecimal(), s.isnumeric())
# expect: '123' True False True False False False False False True True
# expect: 'abc' False True True False False True False True False False
# expect: 'abc123' False False True False False True False True False False
# expect: '   ' False False False True False False False False False False
# expect: '' False False False False False False False False False False
# expect: 'Abc' False True True False False False True True False False
# expect: 'ABC' False True True False True False False True False False
# expect: 'Hello World' False False False False False False True False False False
# expect: 'a_1' False False False False False True False True False False
# expect: '1a' False False True False False True False False False False
# expect: '²' True False True False False False False False False True
