class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Widget(metaclass=Meta):
    pass
print(Widget.tag, type(Widget).__name__, isinstance(Widget, type))
# expect: widget Meta True
