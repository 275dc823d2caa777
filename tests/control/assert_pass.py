assert 1 + 1 == 2
assert True, "never"
print("ok")
# expect: ok
