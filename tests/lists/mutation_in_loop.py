a = [1, 2, 3]
for x in a:
    if x == 1:
        a.append(4)
    print(x)
# expect: 1
# expect: 2
# expect: 3
# expect: 4
