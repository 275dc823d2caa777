class Field:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        return f"field {self.name}"
class Model:
    title = Field()
print(Model().title)
# expect: field title
