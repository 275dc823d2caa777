for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
# expect: 2 is prime
# expect: 3 is prime
# expect: 5 is prime
# expect: 7 is prime
# expect: 11 is prime
# expect: 13 is prime
# expect: 17 is prime
# expect: 19 is prime
