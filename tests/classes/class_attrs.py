class Config:
    debug = False
    items = []
a, b = Config(), Config()
a.debug = True
a.items.append(1)
print(a.debug, b.debug, Config.debug, b.items)
Config.debug = "changed"
print(b.debug)
# expect: True False False [1]
# expect: changed
