# `import a.b.c` runs each package once, binds the top name and sets each
# submodule as an attribute of its parent.
import _app.sub.leaf
# expect: init _app
# expect: init _app.mod
print(_app.sub.leaf.doubled)
# expect: 84
print(_app.sub.leaf.__name__, _app.sub.__name__, _app.__name__)
# expect: _app.sub.leaf _app.sub _app
print(_app.mod.value, _app.sub.parent_value)
# expect: 42 42
import sys
print(sys.modules["_app.sub.leaf"] is _app.sub.leaf, "_app.sub" in sys.modules)
# expect: True True
