print("key=value=x".partition("="), "key=value=x".rpartition("="), "abc".partition("z"), "abc".rpartition("z"))
# expect: ('key', '=', 'value=x') ('key=value', '=', 'x') ('abc', '', '') ('', '', 'abc')
