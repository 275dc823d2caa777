o = object()
print(type(o).__name__, isinstance(o, object), object.__name__)
try:
    o.x = 1
except AttributeError as e:
    print(e)
# expect: object True object
# expect: 'object' object has no attribute 'x'
