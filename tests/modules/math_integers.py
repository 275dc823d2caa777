import math
print(math.gcd(12, 18), math.gcd(0, 5), math.lcm(4, 6), math.factorial(20), math.isqrt(99), math.comb(10, 3), math.perm(5, 2))
print(math.factorial(30))
# expect: 6 5 12 2432902008176640000 9 120 20
# expect: 265252859812191058636308480000000
