import _helper_mod
print(_helper_mod.__name__, _helper_mod.__file__.endswith("_helper_mod.py"))
# expect: _helper_mod True
