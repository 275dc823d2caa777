# math functions on infinities, NaN, huge ints, wrong types: values and exact error messages
import math
fs = ['sqrt', 'log', 'exp', 'factorial', 'gamma', 'lgamma', 'floor', 'ceil', 'trunc', 'isqrt', 'log2', 'log10',
      'log1p', 'expm1', 'atan', 'asin', 'acos', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'erf', 'erfc',
      'fabs', 'degrees', 'radians', 'isfinite', 'isinf', 'isnan', 'frexp', 'modf', 'fsum', 'prod']
vals = [0, -0.0, 1, -1, 0.5, 1e308, 5e-324, float('inf'), float('-inf'), float('nan'), 10**400, -10**400, 2**1024,
        True, 171, -3.5, 'x', None, [1e308, 1e308, -1e308, 1.0], [0.1] * 10]
for name in fs:
    f = getattr(math, name)
    for v in vals:
        try:
            r = repr(f(v))[:40]
        except Exception as e:
            r = '%s: %s' % (type(e).__name__, e)
        print(name, repr(v)[:16], r)
for e in ['math.fsum([float("inf"), float("-inf")])', 'math.fsum([1e308, 1e308])', 'math.log(10**1000)',
          'math.log(2**10000, 2)', 'math.log10(10**500)', 'math.sqrt(10**400)', 'math.pow(10, 400)',
          'math.ldexp(1.0, 10**100)', 'math.ldexp(1.0, -10**100)', 'math.comb(10**20, 2)', 'math.perm(5, 10**20)',
          'math.gcd(1.5)', 'math.isclose(1, 2, rel_tol=-1)', 'math.dist([1], [1, 2])', 'math.fmod(5, 0)',
          'math.remainder(5, 0)', 'math.atan2(0.0, -0.0)', 'math.copysign(1, -0.0)', 'round(1e300, -300)',
          'round(1.5, 10**20)', 'round(float("inf"))', 'round(float("nan"), 2)', 'math.hypot(3, 4, 12)',
          'math.prod([2] * 70)', 'math.lcm(4, 6, 10)', 'math.gcd()', 'math.isqrt(10**100)']:
    try:
        r = repr(eval(e))
    except Exception as ex:
        r = '%s: %s' % (type(ex).__name__, ex)
    print(e, r)
# expect: sqrt 0 0.0
# expect: sqrt -0.0 -0.0
# expect: sqrt 1 1.0
# expect: sqrt -1 ValueError: math domain error
# expect: sqrt 0.5 0.7071067811865476
# expect: sqrt 1e+308 1e+154
# expect: sqrt 5e-324 2.2227587494850775e-162
# expect: sqrt inf inf
# expect: sqrt -inf ValueError: math domain error
# expect: sqrt nan nan
# expect: sqrt 1000000000000000 OverflowError: int too large to convert to float
# expect: sqrt -100000000000000 OverflowError: int too large to convert to float
# expect: sqrt 1797693134862315 OverflowError: int too large to convert to float
# expect: sqrt True 1.0
# expect: sqrt 171 13.076696830622021
# expect: sqrt -3.5 ValueError: math domain error
# expect: sqrt 'x' TypeError: must be real number, not str
# expect: sqrt None TypeError: must be real number, not NoneType
# expect: sqrt [1e+308, 1e+308, TypeError: must be real number, not list
# expect: sqrt [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: log 0 ValueError: math domain error
# expect: log -0.0 ValueError: math domain error
# expect: log 1 0.0
# expect: log -1 ValueError: math domain error
# expect: log 0.5 -0.6931471805599453
# expect: log 1e+308 709.1962086421661
# expect: log 5e-324 -744.4400719213812
# expect: log inf inf
# expect: log -inf ValueError: math domain error
# expect: log nan nan
# expect: log 1000000000000000 921.0340371976182
# expect: log -100000000000000 ValueError: math domain error
# expect: log 1797693134862315 709.782712893384
# expect: log True 0.0
# expect: log 171 5.14166355650266
# expect: log -3.5 ValueError: math domain error
# expect: log 'x' TypeError: must be real number, not str
# expect: log None TypeError: must be real number, not NoneType
# expect: log [1e+308, 1e+308, TypeError: must be real number, not list
# expect: log [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: exp 0 1.0
# expect: exp -0.0 1.0
# expect: exp 1 2.718281828459045
# expect: exp -1 0.36787944117144233
# expect: exp 0.5 1.6487212707001282
# expect: exp 1e+308 OverflowError: math range error
# expect: exp 5e-324 1.0
# expect: exp inf inf
# expect: exp -inf 0.0
# expect: exp nan nan
# expect: exp 1000000000000000 OverflowError: int too large to convert to float
# expect: exp -100000000000000 OverflowError: int too large to convert to float
# expect: exp 1797693134862315 OverflowError: int too large to convert to float
# expect: exp True 2.718281828459045
# expect: exp 171 1.8380461242828246e+74
# expect: exp -3.5 0.0301973834223185
# expect: exp 'x' TypeError: must be real number, not str
# expect: exp None TypeError: must be real number, not NoneType
# expect: exp [1e+308, 1e+308, TypeError: must be real number, not list
# expect: exp [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: factorial 0 1
# expect: factorial -0.0 TypeError: 'float' object cannot be interpreted as an integer
# expect: factorial 1 1
# expect: factorial -1 ValueError: factorial() not defined for negative values
# expect: factorial 0.5 TypeError: 'float' object cannot be interpreted as an integer
# expect: factorial 1e+308 TypeError: 'float' object cannot be interpreted as an integer
# expect: factorial 5e-324 TypeError: 'float' object cannot be interpreted as an integer
# expect: factorial inf TypeError: 'float' object cannot be interpreted as an integer
# expect: factorial -inf TypeError: 'float' object cannot be interpreted as an integer
# expect: factorial nan TypeError: 'float' object cannot be interpreted as an integer
# expect: factorial 1000000000000000 OverflowError: factorial() argument should not exceed 9223372036854775807
# expect: factorial -100000000000000 ValueError: factorial() not defined for negative values
# expect: factorial 1797693134862315 OverflowError: factorial() argument should not exceed 9223372036854775807
# expect: factorial True 1
# expect: factorial 171 1241018070217667823424840524103103992616
# expect: factorial -3.5 TypeError: 'float' object cannot be interpreted as an integer
# expect: factorial 'x' TypeError: 'str' object cannot be interpreted as an integer
# expect: factorial None TypeError: 'NoneType' object cannot be interpreted as an integer
# expect: factorial [1e+308, 1e+308, TypeError: 'list' object cannot be interpreted as an integer
# expect: factorial [0.1, 0.1, 0.1,  TypeError: 'list' object cannot be interpreted as an integer
# expect: gamma 0 ValueError: math domain error
# expect: gamma -0.0 ValueError: math domain error
# expect: gamma 1 1.0
# expect: gamma -1 ValueError: math domain error
# expect: gamma 0.5 1.7724538509055159
# expect: gamma 1e+308 OverflowError: math range error
# expect: gamma 5e-324 OverflowError: math range error
# expect: gamma inf inf
# expect: gamma -inf ValueError: math domain error
# expect: gamma nan nan
# expect: gamma 1000000000000000 OverflowError: int too large to convert to float
# expect: gamma -100000000000000 OverflowError: int too large to convert to float
# expect: gamma 1797693134862315 OverflowError: int too large to convert to float
# expect: gamma True 1.0
# expect: gamma 171 7.257415615307998e+306
# expect: gamma -3.5 0.27008820585226917
# expect: gamma 'x' TypeError: must be real number, not str
# expect: gamma None TypeError: must be real number, not NoneType
# expect: gamma [1e+308, 1e+308, TypeError: must be real number, not list
# expect: gamma [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: lgamma 0 ValueError: math domain error
# expect: lgamma -0.0 ValueError: math domain error
# expect: lgamma 1 0.0
# expect: lgamma -1 ValueError: math domain error
# expect: lgamma 0.5 0.5723649429247004
# expect: lgamma 1e+308 OverflowError: math range error
# expect: lgamma 5e-324 744.4400719213812
# expect: lgamma inf inf
# expect: lgamma -inf inf
# expect: lgamma nan nan
# expect: lgamma 1000000000000000 OverflowError: int too large to convert to float
# expect: lgamma -100000000000000 OverflowError: int too large to convert to float
# expect: lgamma 1797693134862315 OverflowError: int too large to convert to float
# expect: lgamma True 0.0
# expect: lgamma 171 706.5730622457874
# expect: lgamma -3.5 -1.3090066849930417
# expect: lgamma 'x' TypeError: must be real number, not str
# expect: lgamma None TypeError: must be real number, not NoneType
# expect: lgamma [1e+308, 1e+308, TypeError: must be real number, not list
# expect: lgamma [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: floor 0 0
# expect: floor -0.0 0
# expect: floor 1 1
# expect: floor -1 -1
# expect: floor 0.5 0
# expect: floor 1e+308 1000000000000000010979063629440455417404
# expect: floor 5e-324 0
# expect: floor inf OverflowError: cannot convert float infinity to integer
# expect: floor -inf OverflowError: cannot convert float infinity to integer
# expect: floor nan ValueError: cannot convert float NaN to integer
# expect: floor 1000000000000000 1000000000000000000000000000000000000000
# expect: floor -100000000000000 -100000000000000000000000000000000000000
# expect: floor 1797693134862315 1797693134862315907729305190789024733617
# expect: floor True 1
# expect: floor 171 171
# expect: floor -3.5 -4
# expect: floor 'x' TypeError: must be real number, not str
# expect: floor None TypeError: must be real number, not NoneType
# expect: floor [1e+308, 1e+308, TypeError: must be real number, not list
# expect: floor [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: ceil 0 0
# expect: ceil -0.0 0
# expect: ceil 1 1
# expect: ceil -1 -1
# expect: ceil 0.5 1
# expect: ceil 1e+308 1000000000000000010979063629440455417404
# expect: ceil 5e-324 1
# expect: ceil inf OverflowError: cannot convert float infinity to integer
# expect: ceil -inf OverflowError: cannot convert float infinity to integer
# expect: ceil nan ValueError: cannot convert float NaN to integer
# expect: ceil 1000000000000000 1000000000000000000000000000000000000000
# expect: ceil -100000000000000 -100000000000000000000000000000000000000
# expect: ceil 1797693134862315 1797693134862315907729305190789024733617
# expect: ceil True 1
# expect: ceil 171 171
# expect: ceil -3.5 -3
# expect: ceil 'x' TypeError: must be real number, not str
# expect: ceil None TypeError: must be real number, not NoneType
# expect: ceil [1e+308, 1e+308, TypeError: must be real number, not list
# expect: ceil [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: trunc 0 0
# expect: trunc -0.0 0
# expect: trunc 1 1
# expect: trunc -1 -1
# expect: trunc 0.5 0
# expect: trunc 1e+308 1000000000000000010979063629440455417404
# expect: trunc 5e-324 0
# expect: trunc inf OverflowError: cannot convert float infinity to integer
# expect: trunc -inf OverflowError: cannot convert float infinity to integer
# expect: trunc nan ValueError: cannot convert float NaN to integer
# expect: trunc 1000000000000000 1000000000000000000000000000000000000000
# expect: trunc -100000000000000 -100000000000000000000000000000000000000
# expect: trunc 1797693134862315 1797693134862315907729305190789024733617
# expect: trunc True 1
# expect: trunc 171 171
# expect: trunc -3.5 -3
# expect: trunc 'x' TypeError: type str doesn't define __trunc__ method
# expect: trunc None TypeError: type NoneType doesn't define __trunc__ method
# expect: trunc [1e+308, 1e+308, TypeError: type list doesn't define __trunc__ method
# expect: trunc [0.1, 0.1, 0.1,  TypeError: type list doesn't define __trunc__ method
# expect: isqrt 0 0
# expect: isqrt -0.0 TypeError: 'float' object cannot be interpreted as an integer
# expect: isqrt 1 1
# expect: isqrt -1 ValueError: isqrt() argument must be nonnegative
# expect: isqrt 0.5 TypeError: 'float' object cannot be interpreted as an integer
# expect: isqrt 1e+308 TypeError: 'float' object cannot be interpreted as an integer
# expect: isqrt 5e-324 TypeError: 'float' object cannot be interpreted as an integer
# expect: isqrt inf TypeError: 'float' object cannot be interpreted as an integer
# expect: isqrt -inf TypeError: 'float' object cannot be interpreted as an integer
# expect: isqrt nan TypeError: 'float' object cannot be interpreted as an integer
# expect: isqrt 1000000000000000 1000000000000000000000000000000000000000
# expect: isqrt -100000000000000 ValueError: isqrt() argument must be nonnegative
# expect: isqrt 1797693134862315 1340780792994259709957402499820584612747
# expect: isqrt True 1
# expect: isqrt 171 13
# expect: isqrt -3.5 TypeError: 'float' object cannot be interpreted as an integer
# expect: isqrt 'x' TypeError: 'str' object cannot be interpreted as an integer
# expect: isqrt None TypeError: 'NoneType' object cannot be interpreted as an integer
# expect: isqrt [1e+308, 1e+308, TypeError: 'list' object cannot be interpreted as an integer
# expect: isqrt [0.1, 0.1, 0.1,  TypeError: 'list' object cannot be interpreted as an integer
# expect: log2 0 ValueError: math domain error
# expect: log2 -0.0 ValueError: math domain error
# expect: log2 1 0.0
# expect: log2 -1 ValueError: math domain error
# expect: log2 0.5 -1.0
# expect: log2 1e+308 1023.1538532253076
# expect: log2 5e-324 -1074.0
# expect: log2 inf inf
# expect: log2 -inf ValueError: math domain error
# expect: log2 nan nan
# expect: log2 1000000000000000 1328.771237954945
# expect: log2 -100000000000000 ValueError: math domain error
# expect: log2 1797693134862315 1024.0
# expect: log2 True 0.0
# expect: log2 171 7.417852514885898
# expect: log2 -3.5 ValueError: math domain error
# expect: log2 'x' TypeError: must be real number, not str
# expect: log2 None TypeError: must be real number, not NoneType
# expect: log2 [1e+308, 1e+308, TypeError: must be real number, not list
# expect: log2 [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: log10 0 ValueError: math domain error
# expect: log10 -0.0 ValueError: math domain error
# expect: log10 1 0.0
# expect: log10 -1 ValueError: math domain error
# expect: log10 0.5 -0.3010299956639812
# expect: log10 1e+308 308.0
# expect: log10 5e-324 -323.3062153431158
# expect: log10 inf inf
# expect: log10 -inf ValueError: math domain error
# expect: log10 nan nan
# expect: log10 1000000000000000 400.0
# expect: log10 -100000000000000 ValueError: math domain error
# expect: log10 1797693134862315 308.25471555991675
# expect: log10 True 0.0
# expect: log10 171 2.2329961103921536
# expect: log10 -3.5 ValueError: math domain error
# expect: log10 'x' TypeError: must be real number, not str
# expect: log10 None TypeError: must be real number, not NoneType
# expect: log10 [1e+308, 1e+308, TypeError: must be real number, not list
# expect: log10 [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: log1p 0 0.0
# expect: log1p -0.0 -0.0
# expect: log1p 1 0.6931471805599453
# expect: log1p -1 ValueError: math domain error
# expect: log1p 0.5 0.4054651081081644
# expect: log1p 1e+308 709.1962086421661
# expect: log1p 5e-324 5e-324
# expect: log1p inf inf
# expect: log1p -inf ValueError: math domain error
# expect: log1p nan nan
# expect: log1p 1000000000000000 OverflowError: int too large to convert to float
# expect: log1p -100000000000000 OverflowError: int too large to convert to float
# expect: log1p 1797693134862315 OverflowError: int too large to convert to float
# expect: log1p True 0.6931471805599453
# expect: log1p 171 5.147494476813453
# expect: log1p -3.5 ValueError: math domain error
# expect: log1p 'x' TypeError: must be real number, not str
# expect: log1p None TypeError: must be real number, not NoneType
# expect: log1p [1e+308, 1e+308, TypeError: must be real number, not list
# expect: log1p [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: expm1 0 0.0
# expect: expm1 -0.0 -0.0
# expect: expm1 1 1.718281828459045
# expect: expm1 -1 -0.6321205588285577
# expect: expm1 0.5 0.6487212707001282
# expect: expm1 1e+308 OverflowError: math range error
# expect: expm1 5e-324 5e-324
# expect: expm1 inf inf
# expect: expm1 -inf -1.0
# expect: expm1 nan nan
# expect: expm1 1000000000000000 OverflowError: int too large to convert to float
# expect: expm1 -100000000000000 OverflowError: int too large to convert to float
# expect: expm1 1797693134862315 OverflowError: int too large to convert to float
# expect: expm1 True 1.718281828459045
# expect: expm1 171 1.8380461242828246e+74
# expect: expm1 -3.5 -0.9698026165776815
# expect: expm1 'x' TypeError: must be real number, not str
# expect: expm1 None TypeError: must be real number, not NoneType
# expect: expm1 [1e+308, 1e+308, TypeError: must be real number, not list
# expect: expm1 [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: atan 0 0.0
# expect: atan -0.0 -0.0
# expect: atan 1 0.7853981633974483
# expect: atan -1 -0.7853981633974483
# expect: atan 0.5 0.4636476090008061
# expect: atan 1e+308 1.5707963267948966
# expect: atan 5e-324 5e-324
# expect: atan inf 1.5707963267948966
# expect: atan -inf -1.5707963267948966
# expect: atan nan nan
# expect: atan 1000000000000000 OverflowError: int too large to convert to float
# expect: atan -100000000000000 OverflowError: int too large to convert to float
# expect: atan 1797693134862315 OverflowError: int too large to convert to float
# expect: atan True 0.7853981633974483
# expect: atan 171 1.5649484402410079
# expect: atan -3.5 -1.2924966677897853
# expect: atan 'x' TypeError: must be real number, not str
# expect: atan None TypeError: must be real number, not NoneType
# expect: atan [1e+308, 1e+308, TypeError: must be real number, not list
# expect: atan [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: asin 0 0.0
# expect: asin -0.0 -0.0
# expect: asin 1 1.5707963267948966
# expect: asin -1 -1.5707963267948966
# expect: asin 0.5 0.5235987755982989
# expect: asin 1e+308 ValueError: math domain error
# expect: asin 5e-324 5e-324
# expect: asin inf ValueError: math domain error
# expect: asin -inf ValueError: math domain error
# expect: asin nan nan
# expect: asin 1000000000000000 OverflowError: int too large to convert to float
# expect: asin -100000000000000 OverflowError: int too large to convert to float
# expect: asin 1797693134862315 OverflowError: int too large to convert to float
# expect: asin True 1.5707963267948966
# expect: asin 171 ValueError: math domain error
# expect: asin -3.5 ValueError: math domain error
# expect: asin 'x' TypeError: must be real number, not str
# expect: asin None TypeError: must be real number, not NoneType
# expect: asin [1e+308, 1e+308, TypeError: must be real number, not list
# expect: asin [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: acos 0 1.5707963267948966
# expect: acos -0.0 1.5707963267948966
# expect: acos 1 0.0
# expect: acos -1 3.141592653589793
# expect: acos 0.5 1.0471975511965979
# expect: acos 1e+308 ValueError: math domain error
# expect: acos 5e-324 1.5707963267948966
# expect: acos inf ValueError: math domain error
# expect: acos -inf ValueError: math domain error
# expect: acos nan nan
# expect: acos 1000000000000000 OverflowError: int too large to convert to float
# expect: acos -100000000000000 OverflowError: int too large to convert to float
# expect: acos 1797693134862315 OverflowError: int too large to convert to float
# expect: acos True 0.0
# expect: acos 171 ValueError: math domain error
# expect: acos -3.5 ValueError: math domain error
# expect: acos 'x' TypeError: must be real number, not str
# expect: acos None TypeError: must be real number, not NoneType
# expect: acos [1e+308, 1e+308, TypeError: must be real number, not list
# expect: acos [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: sinh 0 0.0
# expect: sinh -0.0 -0.0
# expect: sinh 1 1.1752011936438014
# expect: sinh -1 -1.1752011936438014
# expect: sinh 0.5 0.5210953054937474
# expect: sinh 1e+308 OverflowError: math range error
# expect: sinh 5e-324 5e-324
# expect: sinh inf inf
# expect: sinh -inf -inf
# expect: sinh nan nan
# expect: sinh 1000000000000000 OverflowError: int too large to convert to float
# expect: sinh -100000000000000 OverflowError: int too large to convert to float
# expect: sinh 1797693134862315 OverflowError: int too large to convert to float
# expect: sinh True 1.1752011936438014
# expect: sinh 171 9.190230621414123e+73
# expect: sinh -3.5 -16.542627287634996
# expect: sinh 'x' TypeError: must be real number, not str
# expect: sinh None TypeError: must be real number, not NoneType
# expect: sinh [1e+308, 1e+308, TypeError: must be real number, not list
# expect: sinh [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: cosh 0 1.0
# expect: cosh -0.0 1.0
# expect: cosh 1 1.5430806348152437
# expect: cosh -1 1.5430806348152437
# expect: cosh 0.5 1.1276259652063807
# expect: cosh 1e+308 OverflowError: math range error
# expect: cosh 5e-324 1.0
# expect: cosh inf inf
# expect: cosh -inf inf
# expect: cosh nan nan
# expect: cosh 1000000000000000 OverflowError: int too large to convert to float
# expect: cosh -100000000000000 OverflowError: int too large to convert to float
# expect: cosh 1797693134862315 OverflowError: int too large to convert to float
# expect: cosh True 1.5430806348152437
# expect: cosh 171 9.190230621414123e+73
# expect: cosh -3.5 16.572824671057315
# expect: cosh 'x' TypeError: must be real number, not str
# expect: cosh None TypeError: must be real number, not NoneType
# expect: cosh [1e+308, 1e+308, TypeError: must be real number, not list
# expect: cosh [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: tanh 0 0.0
# expect: tanh -0.0 -0.0
# expect: tanh 1 0.7615941559557649
# expect: tanh -1 -0.7615941559557649
# expect: tanh 0.5 0.46211715726000974
# expect: tanh 1e+308 1.0
# expect: tanh 5e-324 5e-324
# expect: tanh inf 1.0
# expect: tanh -inf -1.0
# expect: tanh nan nan
# expect: tanh 1000000000000000 OverflowError: int too large to convert to float
# expect: tanh -100000000000000 OverflowError: int too large to convert to float
# expect: tanh 1797693134862315 OverflowError: int too large to convert to float
# expect: tanh True 0.7615941559557649
# expect: tanh 171 1.0
# expect: tanh -3.5 -0.9981778976111987
# expect: tanh 'x' TypeError: must be real number, not str
# expect: tanh None TypeError: must be real number, not NoneType
# expect: tanh [1e+308, 1e+308, TypeError: must be real number, not list
# expect: tanh [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: asinh 0 0.0
# expect: asinh -0.0 -0.0
# expect: asinh 1 0.881373587019543
# expect: asinh -1 -0.881373587019543
# expect: asinh 0.5 0.48121182505960347
# expect: asinh 1e+308 709.889355822726
# expect: asinh 5e-324 5e-324
# expect: asinh inf inf
# expect: asinh -inf -inf
# expect: asinh nan nan
# expect: asinh 1000000000000000 OverflowError: int too large to convert to float
# expect: asinh -100000000000000 OverflowError: int too large to convert to float
# expect: asinh 1797693134862315 OverflowError: int too large to convert to float
# expect: asinh True 0.881373587019543
# expect: asinh 171 5.834819286592168
# expect: asinh -3.5 -1.9657204716496515
# expect: asinh 'x' TypeError: must be real number, not str
# expect: asinh None TypeError: must be real number, not NoneType
# expect: asinh [1e+308, 1e+308, TypeError: must be real number, not list
# expect: asinh [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: acosh 0 ValueError: math domain error
# expect: acosh -0.0 ValueError: math domain error
# expect: acosh 1 0.0
# expect: acosh -1 ValueError: math domain error
# expect: acosh 0.5 ValueError: math domain error
# expect: acosh 1e+308 709.889355822726
# expect: acosh 5e-324 ValueError: math domain error
# expect: acosh inf inf
# expect: acosh -inf ValueError: math domain error
# expect: acosh nan nan
# expect: acosh 1000000000000000 OverflowError: int too large to convert to float
# expect: acosh -100000000000000 OverflowError: int too large to convert to float
# expect: acosh 1797693134862315 OverflowError: int too large to convert to float
# expect: acosh True 0.0
# expect: acosh 171 5.834802187313754
# expect: acosh -3.5 ValueError: math domain error
# expect: acosh 'x' TypeError: must be real number, not str
# expect: acosh None TypeError: must be real number, not NoneType
# expect: acosh [1e+308, 1e+308, TypeError: must be real number, not list
# expect: acosh [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: atanh 0 0.0
# expect: atanh -0.0 -0.0
# expect: atanh 1 ValueError: math domain error
# expect: atanh -1 ValueError: math domain error
# expect: atanh 0.5 0.5493061443340548
# expect: atanh 1e+308 ValueError: math domain error
# expect: atanh 5e-324 5e-324
# expect: atanh inf ValueError: math domain error
# expect: atanh -inf ValueError: math domain error
# expect: atanh nan nan
# expect: atanh 1000000000000000 OverflowError: int too large to convert to float
# expect: atanh -100000000000000 OverflowError: int too large to convert to float
# expect: atanh 1797693134862315 OverflowError: int too large to convert to float
# expect: atanh True ValueError: math domain error
# expect: atanh 171 ValueError: math domain error
# expect: atanh -3.5 ValueError: math domain error
# expect: atanh 'x' TypeError: must be real number, not str
# expect: atanh None TypeError: must be real number, not NoneType
# expect: atanh [1e+308, 1e+308, TypeError: must be real number, not list
# expect: atanh [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: erf 0 0.0
# expect: erf -0.0 -0.0
# expect: erf 1 0.8427007929497149
# expect: erf -1 -0.8427007929497149
# expect: erf 0.5 0.5204998778130465
# expect: erf 1e+308 1.0
# expect: erf 5e-324 5e-324
# expect: erf inf 1.0
# expect: erf -inf -1.0
# expect: erf nan nan
# expect: erf 1000000000000000 OverflowError: int too large to convert to float
# expect: erf -100000000000000 OverflowError: int too large to convert to float
# expect: erf 1797693134862315 OverflowError: int too large to convert to float
# expect: erf True 0.8427007929497149
# expect: erf 171 1.0
# expect: erf -3.5 -0.9999992569016276
# expect: erf 'x' TypeError: must be real number, not str
# expect: erf None TypeError: must be real number, not NoneType
# expect: erf [1e+308, 1e+308, TypeError: must be real number, not list
# expect: erf [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: erfc 0 1.0
# expect: erfc -0.0 1.0
# expect: erfc 1 0.15729920705028513
# expect: erfc -1 1.842700792949715
# expect: erfc 0.5 0.4795001221869535
# expect: erfc 1e+308 0.0
# expect: erfc 5e-324 1.0
# expect: erfc inf 0.0
# expect: erfc -inf 2.0
# expect: erfc nan nan
# expect: erfc 1000000000000000 OverflowError: int too large to convert to float
# expect: erfc -100000000000000 OverflowError: int too large to convert to float
# expect: erfc 1797693134862315 OverflowError: int too large to convert to float
# expect: erfc True 0.15729920705028513
# expect: erfc 171 0.0
# expect: erfc -3.5 1.9999992569016276
# expect: erfc 'x' TypeError: must be real number, not str
# expect: erfc None TypeError: must be real number, not NoneType
# expect: erfc [1e+308, 1e+308, TypeError: must be real number, not list
# expect: erfc [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: fabs 0 0.0
# expect: fabs -0.0 0.0
# expect: fabs 1 1.0
# expect: fabs -1 1.0
# expect: fabs 0.5 0.5
# expect: fabs 1e+308 1e+308
# expect: fabs 5e-324 5e-324
# expect: fabs inf inf
# expect: fabs -inf inf
# expect: fabs nan nan
# expect: fabs 1000000000000000 OverflowError: int too large to convert to float
# expect: fabs -100000000000000 OverflowError: int too large to convert to float
# expect: fabs 1797693134862315 OverflowError: int too large to convert to float
# expect: fabs True 1.0
# expect: fabs 171 171.0
# expect: fabs -3.5 3.5
# expect: fabs 'x' TypeError: must be real number, not str
# expect: fabs None TypeError: must be real number, not NoneType
# expect: fabs [1e+308, 1e+308, TypeError: must be real number, not list
# expect: fabs [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: degrees 0 0.0
# expect: degrees -0.0 -0.0
# expect: degrees 1 57.29577951308232
# expect: degrees -1 -57.29577951308232
# expect: degrees 0.5 28.64788975654116
# expect: degrees 1e+308 inf
# expect: degrees 5e-324 2.8e-322
# expect: degrees inf inf
# expect: degrees -inf -inf
# expect: degrees nan nan
# expect: degrees 1000000000000000 OverflowError: int too large to convert to float
# expect: degrees -100000000000000 OverflowError: int too large to convert to float
# expect: degrees 1797693134862315 OverflowError: int too large to convert to float
# expect: degrees True 57.29577951308232
# expect: degrees 171 9797.578296737078
# expect: degrees -3.5 -200.53522829578813
# expect: degrees 'x' TypeError: must be real number, not str
# expect: degrees None TypeError: must be real number, not NoneType
# expect: degrees [1e+308, 1e+308, TypeError: must be real number, not list
# expect: degrees [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: radians 0 0.0
# expect: radians -0.0 -0.0
# expect: radians 1 0.017453292519943295
# expect: radians -1 -0.017453292519943295
# expect: radians 0.5 0.008726646259971648
# expect: radians 1e+308 1.7453292519943295e+306
# expect: radians 5e-324 0.0
# expect: radians inf inf
# expect: radians -inf -inf
# expect: radians nan nan
# expect: radians 1000000000000000 OverflowError: int too large to convert to float
# expect: radians -100000000000000 OverflowError: int too large to convert to float
# expect: radians 1797693134862315 OverflowError: int too large to convert to float
# expect: radians True 0.017453292519943295
# expect: radians 171 2.9845130209103035
# expect: radians -3.5 -0.061086523819801536
# expect: radians 'x' TypeError: must be real number, not str
# expect: radians None TypeError: must be real number, not NoneType
# expect: radians [1e+308, 1e+308, TypeError: must be real number, not list
# expect: radians [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: isfinite 0 True
# expect: isfinite -0.0 True
# expect: isfinite 1 True
# expect: isfinite -1 True
# expect: isfinite 0.5 True
# expect: isfinite 1e+308 True
# expect: isfinite 5e-324 True
# expect: isfinite inf False
# expect: isfinite -inf False
# expect: isfinite nan False
# expect: isfinite 1000000000000000 OverflowError: int too large to convert to float
# expect: isfinite -100000000000000 OverflowError: int too large to convert to float
# expect: isfinite 1797693134862315 OverflowError: int too large to convert to float
# expect: isfinite True True
# expect: isfinite 171 True
# expect: isfinite -3.5 True
# expect: isfinite 'x' TypeError: must be real number, not str
# expect: isfinite None TypeError: must be real number, not NoneType
# expect: isfinite [1e+308, 1e+308, TypeError: must be real number, not list
# expect: isfinite [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: isinf 0 False
# expect: isinf -0.0 False
# expect: isinf 1 False
# expect: isinf -1 False
# expect: isinf 0.5 False
# expect: isinf 1e+308 False
# expect: isinf 5e-324 False
# expect: isinf inf True
# expect: isinf -inf True
# expect: isinf nan False
# expect: isinf 1000000000000000 OverflowError: int too large to convert to float
# expect: isinf -100000000000000 OverflowError: int too large to convert to float
# expect: isinf 1797693134862315 OverflowError: int too large to convert to float
# expect: isinf True False
# expect: isinf 171 False
# expect: isinf -3.5 False
# expect: isinf 'x' TypeError: must be real number, not str
# expect: isinf None TypeError: must be real number, not NoneType
# expect: isinf [1e+308, 1e+308, TypeError: must be real number, not list
# expect: isinf [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: isnan 0 False
# expect: isnan -0.0 False
# expect: isnan 1 False
# expect: isnan -1 False
# expect: isnan 0.5 False
# expect: isnan 1e+308 False
# expect: isnan 5e-324 False
# expect: isnan inf False
# expect: isnan -inf False
# expect: isnan nan True
# expect: isnan 1000000000000000 OverflowError: int too large to convert to float
# expect: isnan -100000000000000 OverflowError: int too large to convert to float
# expect: isnan 1797693134862315 OverflowError: int too large to convert to float
# expect: isnan True False
# expect: isnan 171 False
# expect: isnan -3.5 False
# expect: isnan 'x' TypeError: must be real number, not str
# expect: isnan None TypeError: must be real number, not NoneType
# expect: isnan [1e+308, 1e+308, TypeError: must be real number, not list
# expect: isnan [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: frexp 0 (0.0, 0)
# expect: frexp -0.0 (-0.0, 0)
# expect: frexp 1 (0.5, 1)
# expect: frexp -1 (-0.5, 1)
# expect: frexp 0.5 (0.5, 0)
# expect: frexp 1e+308 (0.5562684646268004, 1024)
# expect: frexp 5e-324 (0.5, -1073)
# expect: frexp inf (inf, 0)
# expect: frexp -inf (-inf, 0)
# expect: frexp nan (nan, 0)
# expect: frexp 1000000000000000 OverflowError: int too large to convert to float
# expect: frexp -100000000000000 OverflowError: int too large to convert to float
# expect: frexp 1797693134862315 OverflowError: int too large to convert to float
# expect: frexp True (0.5, 1)
# expect: frexp 171 (0.66796875, 8)
# expect: frexp -3.5 (-0.875, 2)
# expect: frexp 'x' TypeError: must be real number, not str
# expect: frexp None TypeError: must be real number, not NoneType
# expect: frexp [1e+308, 1e+308, TypeError: must be real number, not list
# expect: frexp [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: modf 0 (0.0, 0.0)
# expect: modf -0.0 (-0.0, -0.0)
# expect: modf 1 (0.0, 1.0)
# expect: modf -1 (-0.0, -1.0)
# expect: modf 0.5 (0.5, 0.0)
# expect: modf 1e+308 (0.0, 1e+308)
# expect: modf 5e-324 (5e-324, 0.0)
# expect: modf inf (0.0, inf)
# expect: modf -inf (-0.0, -inf)
# expect: modf nan (nan, nan)
# expect: modf 1000000000000000 OverflowError: int too large to convert to float
# expect: modf -100000000000000 OverflowError: int too large to convert to float
# expect: modf 1797693134862315 OverflowError: int too large to convert to float
# expect: modf True (0.0, 1.0)
# expect: modf 171 (0.0, 171.0)
# expect: modf -3.5 (-0.5, -3.0)
# expect: modf 'x' TypeError: must be real number, not str
# expect: modf None TypeError: must be real number, not NoneType
# expect: modf [1e+308, 1e+308, TypeError: must be real number, not list
# expect: modf [0.1, 0.1, 0.1,  TypeError: must be real number, not list
# expect: fsum 0 TypeError: 'int' object is not iterable
# expect: fsum -0.0 TypeError: 'float' object is not iterable
# expect: fsum 1 TypeError: 'int' object is not iterable
# expect: fsum -1 TypeError: 'int' object is not iterable
# expect: fsum 0.5 TypeError: 'float' object is not iterable
# expect: fsum 1e+308 TypeError: 'float' object is not iterable
# expect: fsum 5e-324 TypeError: 'float' object is not iterable
# expect: fsum inf TypeError: 'float' object is not iterable
# expect: fsum -inf TypeError: 'float' object is not iterable
# expect: fsum nan TypeError: 'float' object is not iterable
# expect: fsum 1000000000000000 TypeError: 'int' object is not iterable
# expect: fsum -100000000000000 TypeError: 'int' object is not iterable
# expect: fsum 1797693134862315 TypeError: 'int' object is not iterable
# expect: fsum True TypeError: 'bool' object is not iterable
# expect: fsum 171 TypeError: 'int' object is not iterable
# expect: fsum -3.5 TypeError: 'float' object is not iterable
# expect: fsum 'x' TypeError: must be real number, not str
# expect: fsum None TypeError: 'NoneType' object is not iterable
# expect: fsum [1e+308, 1e+308, OverflowError: intermediate overflow in fsum
# expect: fsum [0.1, 0.1, 0.1,  1.0
# expect: prod 0 TypeError: 'int' object is not iterable
# expect: prod -0.0 TypeError: 'float' object is not iterable
# expect: prod 1 TypeError: 'int' object is not iterable
# expect: prod -1 TypeError: 'int' object is not iterable
# expect: prod 0.5 TypeError: 'float' object is not iterable
# expect: prod 1e+308 TypeError: 'float' object is not iterable
# expect: prod 5e-324 TypeError: 'float' object is not iterable
# expect: prod inf TypeError: 'float' object is not iterable
# expect: prod -inf TypeError: 'float' object is not iterable
# expect: prod nan TypeError: 'float' object is not iterable
# expect: prod 1000000000000000 TypeError: 'int' object is not iterable
# expect: prod -100000000000000 TypeError: 'int' object is not iterable
# expect: prod 1797693134862315 TypeError: 'int' object is not iterable
# expect: prod True TypeError: 'bool' object is not iterable
# expect: prod 171 TypeError: 'int' object is not iterable
# expect: prod -3.5 TypeError: 'float' object is not iterable
# expect: prod 'x' 'x'
# expect: prod None TypeError: 'NoneType' object is not iterable
# expect: prod [1e+308, 1e+308, -inf
# expect: prod [0.1, 0.1, 0.1,  1.0000000000000006e-10
# expect: math.fsum([float("inf"), float("-inf")]) ValueError: -inf + inf in fsum
# expect: math.fsum([1e308, 1e308]) OverflowError: intermediate overflow in fsum
# expect: math.log(10**1000) 2302.585092994045
# expect: math.log(2**10000, 2) 10000.0
# expect: math.log10(10**500) 500.0
# expect: math.sqrt(10**400) OverflowError: int too large to convert to float
# expect: math.pow(10, 400) OverflowError: math range error
# expect: math.ldexp(1.0, 10**100) OverflowError: math range error
# expect: math.ldexp(1.0, -10**100) 0.0
# expect: math.comb(10**20, 2) 4999999999999999999950000000000000000000
# expect: math.perm(5, 10**20) 0
# expect: math.gcd(1.5) TypeError: 'float' object cannot be interpreted as an integer
# expect: math.isclose(1, 2, rel_tol=-1) ValueError: tolerances must be non-negative
# expect: math.dist([1], [1, 2]) ValueError: both points must have the same number of dimensions
# expect: math.fmod(5, 0) ValueError: math domain error
# expect: math.remainder(5, 0) ValueError: math domain error
# expect: math.atan2(0.0, -0.0) 3.141592653589793
# expect: math.copysign(1, -0.0) -1.0
# expect: round(1e300, -300) 1e+300
# expect: round(1.5, 10**20) 1.5
# expect: round(float("inf")) OverflowError: cannot convert float infinity to integer
# expect: round(float("nan"), 2) nan
# expect: math.hypot(3, 4, 12) 13.0
# expect: math.prod([2] * 70) 1180591620717411303424
# expect: math.lcm(4, 6, 10) 60
# expect: math.gcd() 0
# expect: math.isqrt(10**100) 100000000000000000000000000000000000000000000000000
