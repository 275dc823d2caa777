import math
print(math.pi, math.e, math.tau, math.inf, math.sqrt(16), math.sqrt(2), math.pow(2, 8), math.fabs(-2))
print(math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000), math.exp(0), math.exp(1))
# expect: 3.141592653589793 2.718281828459045 6.283185307179586 inf 4.0 1.4142135623730951 256.0 2.0
# expect: 1.0 3.0 10.0 3.0 1.0 2.718281828459045
