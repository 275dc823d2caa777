# `from package import *` follows __all__, importing submodules it names.
from _app import *
# expect: init _app
# expect: init _app.mod
print(mod.value, top_value)
# expect: 42 top
