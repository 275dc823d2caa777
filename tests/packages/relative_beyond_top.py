# `from ... import x` past the top-level package.
try:
    import _app.beyond
except ImportError as e:
    print(type(e).__name__, e)
# expect: init _app
# expect: ImportError attempted relative import beyond top-level package
import sys
print("_app.beyond" in sys.modules, "_app" in sys.modules)
# expect: False True
