class Proxy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        return f"computed {name}"
p = Proxy()
print(p.real, p.other, getattr(p, "x"), hasattr(p, "anything"))
# expect: 1 computed other computed x True
