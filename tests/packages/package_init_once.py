# A package's __init__ runs once however many of its submodules are imported.
import _app
import _app.mod
import _app.sub
import _app.sub.leaf
from _app import mod
from _app.sub import leaf
import importlib
importlib.import_module("_app.sub")
# expect: init _app
# expect: init _app.mod
print("done")
# expect: done
