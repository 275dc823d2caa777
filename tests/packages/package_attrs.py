# What CPython sets on packages and their modules: __name__, __package__,
# __path__, __file__, __spec__ (name, parent, origin, submodule_search_locations).
import os
import _app.sub.leaf
# expect: init _app
# expect: init _app.mod
app, sub, leaf = _app, _app.sub, _app.sub.leaf
print(app.__package__, sub.__package__, leaf.__package__, app.mod.__package__)
# expect: _app _app.sub _app.sub _app
print(type(app.__path__).__name__, len(app.__path__), os.path.basename(app.__path__[0]))
# expect: list 1 _app
print(os.path.isabs(app.__path__[0]), sub.__path__[0] == os.path.join(app.__path__[0], "sub"))
# expect: True True
print(hasattr(leaf, "__path__"), hasattr(app.mod, "__path__"))
# expect: False False
print(os.path.relpath(app.__file__, os.path.dirname(app.__path__[0])))
# expect: _app/__init__.py
print(os.path.relpath(leaf.__file__, app.__path__[0]))
# expect: sub/leaf.py
print(app.__spec__.name, sub.__spec__.name, leaf.__spec__.name)
# expect: _app _app.sub _app.sub.leaf
print(repr(app.__spec__.parent), repr(leaf.__spec__.parent), repr(app.mod.__spec__.parent))
# expect: '_app' '_app.sub' '_app'
print(app.__spec__.origin == app.__file__, leaf.__spec__.origin == leaf.__file__)
# expect: True True
print(app.__spec__.submodule_search_locations == app.__path__, leaf.__spec__.submodule_search_locations)
# expect: True None
print(leaf.__spec__.has_location, __spec__)
# expect: True None
