class C: pass
C().missing
# expect runtime error: AttributeError: 'C' object has no attribute 'missing'
