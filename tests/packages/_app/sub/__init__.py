# _app.sub: a subpackage using every form of relative import.
from .. import mod as parent_mod
from ..mod import value as parent_value
from . import leaf
from .leaf import doubled
from .. import top_value
