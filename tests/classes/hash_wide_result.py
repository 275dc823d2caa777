class H:
    def __init__(self, v): self.v = v
    def __hash__(self): return self.v
print(hash(H(2**62)), hash(H(-2**63)), hash(H(2**63)) == hash(2**63), hash(H(-1)), hash(H(True)))
# expect: 4611686018427387904 -9223372036854775808 True -2 1
