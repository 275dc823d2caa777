class O:
    a = 1
o = O()
print(getattr(o, "a"), getattr(o, "b", "dflt"), hasattr(o, "a"), hasattr(o, "b"))
setattr(o, "b", 2)
print(o.b)
delattr(o, "b")
print(hasattr(o, "b"))
# expect: 1 dflt True False
# expect: 2
# expect: False
