# int()/float() parsing, float repr, rounding, divmod/pow signs, numeric hashes and f-string specs: CPython's answers
for e in ["int('  12  ')", "int('1_2')", "int('_12')", "int('12_')", "int('1__2')", "int('0x1f', 16)", "int('0x1f', 0)", "int('010', 0)", "int('0', 0)", "int('00', 0)", "int('0b101', 0)", "int('z', 36)", "int('Z', 37)", "int('١٢٣')", "int('+-1')", "int('')", "int(' ')", "int('1e5')", "int(1e20)", "int(-1e-9)", "int(float('inf'))", "int(float('nan'))", "int('9'*5000)", "int('1', 1)", "int('1', base=0)", "int('0o17', 8)", "int('0B1', 2)",
          "float(' 1.5 ')", "float('1_0.5')", "float('inf')", "float('-Infinity')", "float('nAn')", "float('1e400')", "float('-1e-400')", "float('0x1p3')", "float('1.')", "float('.5')", "float('.')", "float('1e')", "float('١.٥')", "float(10**400)", "float('1__0')",
          "1/3", "2/3", "0.1+0.2", "1e16", "1e15", "123456789012345678.0", "1e-5", "0.0001", "-0.0", "5e-324", "1.7976931348623157e308", "float.fromhex('0x1.8p1')", "(0.1).hex()", "(3.5).as_integer_ratio()", "(1e300).is_integer()", "round(0.125, 2)", "round(0.375, 2)", "round(-2.5)", "round(3.5)", "round(123.456, -1)", "round(5, -1)", "round(15, -1)", "round(25, -1)", "round(-25, -1)",
          "divmod(-7, 2)", "divmod(7, -2)", "divmod(-7.5, 2)", "divmod(7, -0.5)", "-7 // 2", "-7 % 2", "7 % -3", "-7.5 % 2", "7.5 % -2", "-0.0 % 5", "0.0 % -5", "2 ** -1", "0 ** 0", "0.0 ** -1", "10 ** -400", "pow(2, 10, 7)", "pow(2, -1, 7)", "pow(3, -1, 6)", "pow(2, 3, 0)", "pow(2, 3.0, 5)", "(-5) >> 1", "1 << -1", "-1 >> 100", "~5", "(2**100).bit_length()", "(-1).bit_count() if hasattr(int, 'bit_count') else 1", 
          "f'{12345678.9:,.2f}'", "f'{-0.0:.1f}'", "f'{-0.0:z.1f}'", "f'{1e-10:g}'", "f'{1e16:g}'", "f'{123456789:e}'", "f'{0.1:.20f}'", "f'{2**70:_}'", "f'{-2**70:,x}' if False else 0", "f'{255:#_b}'", "f'{3.0:n}'", "f'{10**20:n}'", "f'{1.5:%}'", "f'{float(\"nan\"):+}'", "f'{float(\"-inf\"):010}'", "f'{True:d}'", "f'{True:.2f}'", "f'{False!r}'", "f'{12:{3}{\"d\"}}'", "f'{3.14159:{\"\"}.{2}}'", "f'{1:=^+7}'", "f'{-1:=^+7}'", "f'{123:0>-8}'",
          "str(1e22)", "repr(1e21)", "str(1.0e-4)", "str(123456789.123456789)", "repr(2**0.5)", "str(-1e-323)", "repr(float(2**63))", "str(0.30000000000000004)", "hash(1e100)", "hash(-1)", "hash(2**61 - 1)", "hash(2**61)", "hash(-2**61)", "hash(0.5)", "hash(float('inf'))", "hash(-2.5)", "hash(1e-300)", "hash(True)",
          "max(1, 1.0)", "min(1.0, 1)", "1 == 1.0", "2**53 + 1 == float(2**53 + 1)", "2**64 < float('inf')", "10**400 > 1e308", "-10**400 < float('-inf')", "float('nan') == float('nan')", "(1, float('nan')) == (1, float('nan'))", "sorted([3, 1.5, True, -2, 2**70])", "sum([0.1] * 10)", "sum([1, 2.5, 2**70])", "abs(-2**63)"]:
    try:
        r = repr(eval(e))
    except Exception as ex:
        r = '%s: %s' % (type(ex).__name__, ex)
    print(e, r)
# expect: int('  12  ') 12
# expect: int('1_2') 12
# expect: int('_12') ValueError: invalid literal for int() with base 10: '_12'
# expect: int('12_') ValueError: invalid literal for int() with base 10: '12_'
# expect: int('1__2') ValueError: invalid literal for int() with base 10: '1__2'
# expect: int('0x1f', 16) 31
# expect: int('0x1f', 0) 31
# expect: int('010', 0) ValueError: invalid literal for int() with base 0: '010'
# expect: int('0', 0) 0
# expect: int('00', 0) 0
# expect: int('0b101', 0) 5
# expect: int('z', 36) 35
# expect: int('Z', 37) ValueError: int() base must be >= 2 and <= 36, or 0
# expect: int('١٢٣') 123
# expect: int('+-1') ValueError: invalid literal for int() with base 10: '+-1'
# expect: int('') ValueError: invalid literal for int() with base 10: ''
# expect: int(' ') ValueError: invalid literal for int() with base 10: ' '
# expect: int('1e5') ValueError: invalid literal for int() with base 10: '1e5'
# expect: int(1e20) 100000000000000000000
# expect: int(-1e-9) 0
# expect: int(float('inf')) OverflowError: cannot convert float infinity to integer
# expect: int(float('nan')) ValueError: cannot convert float NaN to integer
# expect: int('9'*5000) ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit
# expect: int('1', 1) ValueError: int() base must be >= 2 and <= 36, or 0
# expect: int('1', base=0) 1
# expect: int('0o17', 8) 15
# expect: int('0B1', 2) 1
# expect: float(' 1.5 ') 1.5
# expect: float('1_0.5') 10.5
# expect: float('inf') inf
# expect: float('-Infinity') -inf
# expect: float('nAn') nan
# expect: float('1e400') inf
# expect: float('-1e-400') -0.0
# expect: float('0x1p3') ValueError: could not convert string to float: '0x1p3'
# expect: float('1.') 1.0
# expect: float('.5') 0.5
# expect: float('.') ValueError: could not convert string to float: '.'
# expect: float('1e') ValueError: could not convert string to float: '1e'
# expect: float('١.٥') 1.5
# expect: float(10**400) OverflowError: int too large to convert to float
# expect: float('1__0') ValueError: could not convert string to float: '1__0'
# expect: 1/3 0.3333333333333333
# expect: 2/3 0.6666666666666666
# expect: 0.1+0.2 0.30000000000000004
# expect: 1e16 1e+16
# expect: 1e15 1000000000000000.0
# expect: 123456789012345678.0 1.2345678901234568e+17
# expect: 1e-5 1e-05
# expect: 0.0001 0.0001
# expect: -0.0 -0.0
# expect: 5e-324 5e-324
# expect: 1.7976931348623157e308 1.7976931348623157e+308
# expect: float.fromhex('0x1.8p1') 3.0
# expect: (0.1).hex() '0x1.999999999999ap-4'
# expect: (3.5).as_integer_ratio() (7, 2)
# expect: (1e300).is_integer() True
# expect: round(0.125, 2) 0.12
# expect: round(0.375, 2) 0.38
# expect: round(-2.5) -2
# expect: round(3.5) 4
# expect: round(123.456, -1) 120.0
# expect: round(5, -1) 0
# expect: round(15, -1) 20
# expect: round(25, -1) 20
# expect: round(-25, -1) -20
# expect: divmod(-7, 2) (-4, 1)
# expect: divmod(7, -2) (-4, -1)
# expect: divmod(-7.5, 2) (-4.0, 0.5)
# expect: divmod(7, -0.5) (-14.0, -0.0)
# expect: -7 // 2 -4
# expect: -7 % 2 1
# expect: 7 % -3 -2
# expect: -7.5 % 2 0.5
# expect: 7.5 % -2 -0.5
# expect: -0.0 % 5 0.0
# expect: 0.0 % -5 -0.0
# expect: 2 ** -1 0.5
# expect: 0 ** 0 1
# expect: 0.0 ** -1 ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: 10 ** -400 0.0
# expect: pow(2, 10, 7) 2
# expect: pow(2, -1, 7) 4
# expect: pow(3, -1, 6) ValueError: base is not invertible for the given modulus
# expect: pow(2, 3, 0) ValueError: pow() 3rd argument cannot be 0
# expect: pow(2, 3.0, 5) TypeError: pow() 3rd argument not allowed unless all arguments are integers
# expect: (-5) >> 1 -3
# expect: 1 << -1 ValueError: negative shift count
# expect: -1 >> 100 -1
# expect: ~5 -6
# expect: (2**100).bit_length() 101
# expect: (-1).bit_count() if hasattr(int, 'bit_count') else 1 1
# expect: f'{12345678.9:,.2f}' '12,345,678.90'
# expect: f'{-0.0:.1f}' '-0.0'
# expect: f'{-0.0:z.1f}' '0.0'
# expect: f'{1e-10:g}' '1e-10'
# expect: f'{1e16:g}' '1e+16'
# expect: f'{123456789:e}' '1.234568e+08'
# expect: f'{0.1:.20f}' '0.10000000000000000555'
# expect: f'{2**70:_}' '1_180_591_620_717_411_303_424'
# expect: f'{-2**70:,x}' if False else 0 0
# expect: f'{255:#_b}' '0b1111_1111'
# expect: f'{3.0:n}' '3'
# expect: f'{10**20:n}' '100000000000000000000'
# expect: f'{1.5:%}' '150.000000%'
# expect: f'{float("nan"):+}' '+nan'
# expect: f'{float("-inf"):010}' '-000000inf'
# expect: f'{True:d}' '1'
# expect: f'{True:.2f}' '1.00'
# expect: f'{False!r}' 'False'
# expect: f'{12:{3}{"d"}}' ' 12'
# expect: f'{3.14159:{""}.{2}}' '3.1'
# expect: f'{1:=^+7}' '==+1==='
# expect: f'{-1:=^+7}' '==-1==='
# expect: f'{123:0>-8}' '00000123'
# expect: str(1e22) '1e+22'
# expect: repr(1e21) '1e+21'
# expect: str(1.0e-4) '0.0001'
# expect: str(123456789.123456789) '123456789.12345679'
# expect: repr(2**0.5) '1.4142135623730951'
# expect: str(-1e-323) '-1e-323'
# expect: repr(float(2**63)) '9.223372036854776e+18'
# expect: str(0.30000000000000004) '0.30000000000000004'
# expect: hash(1e100) 1822893315824342674
# expect: hash(-1) -2
# expect: hash(2**61 - 1) 0
# expect: hash(2**61) 1
# expect: hash(-2**61) -2
# expect: hash(0.5) 1152921504606846976
# expect: hash(float('inf')) 314159
# expect: hash(-2.5) -1152921504606846978
# expect: hash(1e-300) 482449582752280463
# expect: hash(True) 1
# expect: max(1, 1.0) 1
# expect: min(1.0, 1) 1.0
# expect: 1 == 1.0 True
# expect: 2**53 + 1 == float(2**53 + 1) False
# expect: 2**64 < float('inf') True
# expect: 10**400 > 1e308 True
# expect: -10**400 < float('-inf') False
# expect: float('nan') == float('nan') False
# expect: (1, float('nan')) == (1, float('nan')) False
# expect: sorted([3, 1.5, True, -2, 2**70]) [-2, True, 1.5, 3, 1180591620717411303424]
# expect: sum([0.1] * 10) 0.9999999999999999
# expect: sum([1, 2.5, 2**70]) 1.1805916207174113e+21
# expect: abs(-2**63) 9223372036854775808
