# A module may start a thread that imports other modules and join it while
# being imported itself (import locks are per module, not one global lock).
import _spawner
# expect: init _app
# expect: init _app.mod
print(_spawner.result)
# expect: [42]
