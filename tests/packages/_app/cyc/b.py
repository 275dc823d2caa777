from . import a
# a is only partially initialized here: its name is not bound yet.
partial = hasattr(a, "name")
name = "b"
