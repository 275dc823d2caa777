import _circ_a
print(_circ_a.A_VALUE, _circ_a.b_value())
# expect: a ba
