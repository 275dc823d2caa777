getattr(object(), "nope")
# expect runtime error: AttributeError: 'object' object has no attribute 'nope'
