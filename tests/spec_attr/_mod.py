# Support module of load_module.py and load_method_module.py.
VALUE = 1

def f(x):
    return x + VALUE
