# Built-in modules have a __spec__ with origin 'built-in' and no location.
import math
import time
print(time.__spec__.name, time.__spec__.origin, repr(math.__spec__.parent))
# expect: time built-in ''
print(math.__spec__.has_location, math.__spec__.submodule_search_locations)
# expect: False None
