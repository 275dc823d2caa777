class Plain: pass
r = repr(Plain())
print(r.startswith("<__main__.Plain object at 0x"), r.endswith(">"))
print(repr(Plain), str(int), repr(type(None)))
# expect: True True
# expect: <class '__main__.Plain'> <class 'int'> <class 'NoneType'>
