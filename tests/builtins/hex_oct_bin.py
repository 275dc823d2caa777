print(hex(0), hex(255), hex(-1), oct(64), oct(-8), bin(0), bin(10), bin(-10), hex(2**64))
# expect: 0x0 0xff -0x1 0o100 -0o10 0b0 0b1010 -0b1010 0x10000000000000000
