print(repr("  hi  ".strip()), repr("xxhixx".strip("x")), repr("  hi".lstrip()), repr("hi  ".rstrip()))
print(repr("abcba".strip("ab")), repr("\t\n x \n".strip()))
# expect: 'hi' 'hi' 'hi' 'hi'
# expect: 'c' 'x'
