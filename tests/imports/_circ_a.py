# Support module: half of a circular import.
A_VALUE = "a"
import _circ_b


def b_value():
    return _circ_b.B_VALUE + _circ_b.seen_a
