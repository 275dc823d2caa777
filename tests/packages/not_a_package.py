# Importing below a plain module, or a submodule that does not exist.
import _app.mod
# expect: init _app
# expect: init _app.mod
try:
    import _app.mod.inner
except ImportError as e:
    print(type(e).__name__, e, e.name)
# expect: ModuleNotFoundError No module named '_app.mod.inner'; '_app.mod' is not a package _app.mod.inner
try:
    import _app.missing
except ImportError as e:
    print(type(e).__name__, e, e.name)
# expect: ModuleNotFoundError No module named '_app.missing' _app.missing
try:
    from _app import missing
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
# expect: ImportError cannot import name 'missing' from '_app'
