print(repr("é"), ascii("é"), ascii([1, "ü"]), repr(1.0), repr([1, "a"]), ascii("plain"))
# expect: 'é' '\xe9' [1, '\xfc'] 1.0 [1, 'a'] 'plain'
