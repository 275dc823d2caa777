def f():
    """Return nothing.

    Really."""
print(f.__doc__.splitlines()[0], f() is None)
# expect: Return nothing. True
