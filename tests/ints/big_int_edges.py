# huge ints and floats: long formats, int/str digit limit, pow/divmod/shift on big values, int64 boundaries
import math, sys
for e in ["len('%.100000f' % 1.0)", "len(format(1e300, '.5000f'))", "len(format(1e-300, '.1000e'))", "float('1' * 10000)", "float('0.' + '0' * 10000 + '1')", "len(str(int('1' * 4300)))", "int('1' * 4301)", "len(hex(1 << 100000))", "int('0x' + 'f' * 10000, 16).bit_length()", "int('1' * 5000, 2).bit_length()",
          "pow(3, 10**6, 10**9 + 7)", "pow(7, -1, 2**127 - 1) > 0", "(10**1000) // (10**500 + 1) > 0", "divmod(-10**600, 7**300)[1] > 0", "(2**10000) >> 9999", "(-2**10000) >> 20000", "1 << 10**6 > 0", "(1 << 10**6).bit_length()", "math.factorial(2000) % 1000003", "math.comb(3000, 1500) % 97", "math.isqrt(2**20000) == 2**10000",
          "round(2**1000 + 0.5) if False else round(10**30, -29)", "float(2**1023 * 2 - 1) if False else 0", "float(2**1024)", "(2**1024) / 2", "2**1024 / 2**1023", "(10**400) / (10**399)", "10**400 // 1e300", "10**400 % 1e300", "1e300 * 10**300 if False else 0", "int(1e308) == 10**308", "hash(10**400) == hash(10**400 % (2**61 - 1))",
          "-(2**63) // -1", "(-2**63) % -1", "abs(-2**63)", "(-2**63) * -1", "(2**63 - 1) + 1", "-(-2**62 * 2)", "(-2**63) // 1", "divmod(-2**63, -1)", "(-2**63) ** 1", "int('-9223372036854775808') - 1", "sum(range(2**62, 2**62 + 5))"]:
    try:
        r = repr(eval(e))[:60]
    except Exception as ex:
        r = '%s: %s' % (type(ex).__name__, ex)
    print(e, r)
# expect: len('%.100000f' % 1.0) 100002
# expect: len(format(1e300, '.5000f')) 5302
# expect: len(format(1e-300, '.1000e')) 1007
# expect: float('1' * 10000) inf
# expect: float('0.' + '0' * 10000 + '1') 0.0
# expect: len(str(int('1' * 4300))) 4300
# expect: int('1' * 4301) ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit
# expect: len(hex(1 << 100000)) 25003
# expect: int('0x' + 'f' * 10000, 16).bit_length() 40000
# expect: int('1' * 5000, 2).bit_length() 5000
# expect: pow(3, 10**6, 10**9 + 7) 64935414
# expect: pow(7, -1, 2**127 - 1) > 0 True
# expect: (10**1000) // (10**500 + 1) > 0 True
# expect: divmod(-10**600, 7**300)[1] > 0 True
# expect: (2**10000) >> 9999 2
# expect: (-2**10000) >> 20000 -1
# expect: 1 << 10**6 > 0 True
# expect: (1 << 10**6).bit_length() 1000001
# expect: math.factorial(2000) % 1000003 28665
# expect: math.comb(3000, 1500) % 97 8
# expect: math.isqrt(2**20000) == 2**10000 True
# expect: round(2**1000 + 0.5) if False else round(10**30, -29) 1000000000000000000000000000000
# expect: float(2**1023 * 2 - 1) if False else 0 0
# expect: float(2**1024) OverflowError: int too large to convert to float
# expect: (2**1024) / 2 8.98846567431158e+307
# expect: 2**1024 / 2**1023 2.0
# expect: (10**400) / (10**399) 10.0
# expect: 10**400 // 1e300 OverflowError: int too large to convert to float
# expect: 10**400 % 1e300 OverflowError: int too large to convert to float
# expect: 1e300 * 10**300 if False else 0 0
# expect: int(1e308) == 10**308 False
# expect: hash(10**400) == hash(10**400 % (2**61 - 1)) True
# expect: -(2**63) // -1 9223372036854775808
# expect: (-2**63) % -1 0
# expect: abs(-2**63) 9223372036854775808
# expect: (-2**63) * -1 9223372036854775808
# expect: (2**63 - 1) + 1 9223372036854775808
# expect: -(-2**62 * 2) 9223372036854775808
# expect: (-2**63) // 1 -9223372036854775808
# expect: divmod(-2**63, -1) (9223372036854775808, 0)
# expect: (-2**63) ** 1 -9223372036854775808
# expect: int('-9223372036854775808') - 1 -9223372036854775809
# expect: sum(range(2**62, 2**62 + 5)) 23058430092136939530
