# `from package import submodule` imports the submodule when it is not an
# attribute yet; `from package import name` takes attributes.
from _app import mod, top_value
# expect: init _app
# expect: init _app.mod
print(mod.value, top_value)
# expect: 42 top
from _app.sub import leaf, doubled
print(leaf.doubled, doubled)
# expect: 84 84
from _app.sub.leaf import value as v
print(v)
# expect: 42
