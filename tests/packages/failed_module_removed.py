# A module whose code raises is removed from sys.modules; the next import
# runs it again.
import sys
for attempt in range(2):
    try:
        import _app.broken
    except ValueError as e:
        print(attempt, e, "_app.broken" in sys.modules)
# expect: init _app
# expect: 0 broken on purpose False
# expect: 1 broken on purpose False
import _app
print(hasattr(_app, "broken"))
# expect: False
