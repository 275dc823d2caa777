# Support module of tests/threads_spec/globals.py: a module whose attributes and globals other threads replace.
# f() reads the module global `value`; tests rebind f and value from outside (mod.f = ..., mod.value = ...).
value = 0


def f():
    return value


def g():
    return 'g'
