d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "=", v)
# expect: one 1
# expect: two 2
# expect: three 3
# expect: one = 1
# expect: two = 2
# expect: three = 3
