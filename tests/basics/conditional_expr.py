for n in range(4):
    print("even" if n % 2 == 0 else "odd", n)
print(1 if 0 else 2 if 0 else 3)
# expect: even 0
# expect: odd 1
# expect: even 2
# expect: odd 3
# expect: 3
