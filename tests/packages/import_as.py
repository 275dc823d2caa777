# `import a.b as c` binds the submodule itself, not the top package.
import _app.sub.leaf as leaf
# expect: init _app
# expect: init _app.mod
print(leaf.__name__, leaf.doubled)
# expect: _app.sub.leaf 84
print("_app" in dir())
# expect: False
import _app.mod as m, _app
print(m is _app.mod, m.where())
# expect: True _app.mod
