# Support module: the other half; sees the partially initialised _circ_a.
import _circ_a
B_VALUE = "b"
seen_a = _circ_a.A_VALUE
