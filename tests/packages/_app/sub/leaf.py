# _app.sub.leaf: relative imports from a module inside a subpackage.
from ..mod import value
from .. import mod
doubled = value * 2
