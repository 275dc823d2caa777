s = """line one
line two
    indented"""
print(s)
print(len(s.splitlines()))
# expect: line one
# expect: line two
# expect:     indented
# expect: 3
