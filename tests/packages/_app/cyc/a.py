from . import b
name = "a"


def b_name():
    return b.name
