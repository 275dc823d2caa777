import math
print(math.isnan(float("nan")), math.isinf(-math.inf), math.isfinite(1.0), math.isclose(0.1 + 0.2, 0.3), math.copysign(3, -0.0))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.fmod(7, 3), math.modf(2.5), math.frexp(8.0), math.ldexp(0.5, 4))
# expect: True True True True -3.0
# expect: 1.0 0.9999999999999999 24 1.0 (0.5, 2.0) (0.5, 4) 8.0
