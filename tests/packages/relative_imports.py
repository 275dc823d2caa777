# `from . import x`, `from .mod import y`, `from .. import z` inside packages.
import _app.sub as sub
# expect: init _app
# expect: init _app.mod
print(sub.parent_mod.value, sub.parent_value, sub.doubled, sub.top_value)
# expect: 42 42 84 top
print(sub.leaf.mod is sub.parent_mod)
# expect: True
import importlib
print(importlib.import_module(".leaf", "_app.sub") is sub.leaf)
# expect: True
print(importlib.import_module("..mod", "_app.sub") is sub.parent_mod)
# expect: True
