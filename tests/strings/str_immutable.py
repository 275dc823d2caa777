s = "abc"
s[0] = "x"
# expect runtime error: TypeError: 'str' object does not support item assignment
