# _app.mod: a plain submodule.
print("init _app.mod")
value = 42


def where():
    return __name__
