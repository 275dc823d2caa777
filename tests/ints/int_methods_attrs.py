x = 10
print(x.real, x.imag, x.numerator, x.denominator, x.conjugate())
print((6).as_integer_ratio())
# expect: 10 0 10 1 10
# expect: (6, 1)
