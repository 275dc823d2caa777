# Submodules importing each other see the partially initialized module.
from _app.cyc import a
# expect: init _app
print(a.name, a.b.name, a.b.partial, a.b_name())
# expect: a b False b
import _app.cyc.b as b
import _app
print(b.a is a, _app.cyc.a is a, _app.cyc.b is b)
# expect: True True True
