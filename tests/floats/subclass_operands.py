# Float arithmetic with float subclasses, ints and floats at one site: a
# subclass operand takes its own methods (or float's, returning a plain
# float) and is never reused for the result; a plain float it meets is not
# changed either.
class F(float):
    def __radd__(self, other):
        return "radd"
class G(float):
    pass

def op(a, b): return a + b
def mul(a, b): return a * b

g = G(2.0)
x = 1.5
out = []
for i in range(200):
    r = mul(g, 2.0) + mul(2.0, g) + mul(float(i), x)
    out.append(r)
print(out[0], out[-1], type(mul(g, 3.0)).__name__, g, x)
# expect: 8.0 306.5 float 2.0 1.5
print(op(1.0, F(2.0)), op(F(2.0), F(3.0)), op(2, 3), op(2 ** 70, 1.0), op(3, 0.5))
# expect: radd 5.0 5 1.1805916207174113e+21 3.5
t = 0.0
for i in range(300):
    t = t + i / 7 - (i % 3) ** 0.5 * 2.0
print(repr(t))
# expect: 5924.300144668244
