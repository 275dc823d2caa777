print(str(-123), repr(10**20), hex(255), oct(8), bin(5), hex(-42), bin(-3))
print(hex(2**70), format(255, 'x'), format(255, '#b'))
# expect: -123 100000000000000000000 0xff 0o10 0b101 -0x2a -0b11
# expect: 0x400000000000000000 ff 0b11111111
