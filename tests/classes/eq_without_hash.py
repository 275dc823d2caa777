class E:
    def __eq__(self, o): return True
hash(E())
# expect runtime error: TypeError: unhashable type: 'E'
