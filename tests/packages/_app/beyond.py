# _app.beyond: a relative import past the top-level package.
from ... import nothing
