for n in [-5, 0, 5, 50]:
    if n < 0:
        print(n, "negative")
    elif n == 0:
        print(n, "zero")
    elif n < 10:
        print(n, "small")
    else:
        print(n, "large")
# expect: -5 negative
# expect: 0 zero
# expect: 5 small
# expect: 50 large
