i = 0
while i < 3:
    i += 1
else:
    print("loop finished", i)
while True:
    i -= 1
    if i == 1:
        break
else:
    print("not printed")
print("i =", i)
# expect: loop finished 3
# expect: i = 1
