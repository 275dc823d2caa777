# Support module for tests/imports (not a test: its name starts with '_').
CONSTANT = 99


def greet(name):
    return "hello " + name
